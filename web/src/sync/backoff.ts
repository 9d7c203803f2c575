// Waiting between tries: 2 s, 4 s, 8 s ... capped at 5 minutes, spread by ±20 % so a hundred
// phones coming back online at once do not knock on the server at the same second.
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  return Math.round(Math.min(base * (0.8 + 0.4 * random()), MAX_DELAY_MS));
}

/**
 * The cap while the device says it is online but the last try got no answer at all (a network
 * error, a stalled upload): the radio is attached and the link may come back any second, so
 * waiting minutes would only delay the receipt. A server that answered (5xx, 429) is busy and
 * keeps the long backoff.
 */
export const SILENT_MAX_DELAY_MS = 5_000;

export function silentBackoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.min(backoffDelay(attempt, random), SILENT_MAX_DELAY_MS);
}
