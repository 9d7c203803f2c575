// A watchdog for uploads: on 2G a connection can die without a reset, and the request then
// waits for minutes (tus-js-client has no timeout of its own). No progress for this long means
// the try is over; the engine's backoff and the stored upload URL take it from there.
export const STALL_MS = 90_000;

export interface StallWatch {
  /** Something moved: the clock starts again. */
  poke(): void;
  stop(): void;
}

export function stallWatch(onStall: () => void, ms = STALL_MS): StallWatch {
  let timer = setTimeout(onStall, ms);
  return {
    poke() {
      clearTimeout(timer);
      timer = setTimeout(onStall, ms);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
