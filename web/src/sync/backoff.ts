// Waiting between tries: 2 s, 4 s, 8 s ... capped at 5 minutes, spread by ±20 % so a hundred
// phones coming back online at once do not knock on the server at the same second.
export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 5 * 60_000;

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
  return Math.round(Math.min(base * (0.8 + 0.4 * random()), MAX_DELAY_MS));
}
