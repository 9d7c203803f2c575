// Words of the desk live in shared/locales/<lang>/*.json: statuses and decisions in
// common.json (one word per status, everywhere), desk actions, deadline badges and lifecycle
// refusals in staff.json (the server's 409 answers read the same file), push texts in
// server.json. What is left here is not words of any language.

/** The timeline note of a decision: the officer's own words, so any language can show them. */
export function decisionNote(action: { action: string; reasons?: string[]; items?: { label: string; reason: string }[]; reason?: string; note?: string }): string | undefined {
  if (action.reasons?.length) return action.reasons.join('; ');
  if (action.items?.length) return action.items.map((i) => `${i.label}: ${i.reason}`).join('; ');
  return action.reason ?? action.note;
}
