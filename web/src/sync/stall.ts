// A watchdog for uploads: on 2G a connection can die without a reset, and the request then
// waits for minutes (neither XHR nor fetch has a timeout of its own here). No progress for this long means
// the try is over; the engine's short "connected but silent" backoff and the stored upload URL
// take it from there. 20 s: a 2G uplink of 50 kbit/s moves a 1 KB piece in a fifth of a second,
// so a live connection reports progress many times over; it was 90 s, and a silent link then
// held the receipt back for a minute and more after the network came back.
export const STALL_MS = 20_000;

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
