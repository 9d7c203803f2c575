// What was typed and not saved, per procedure, for this console session: a lost session sends the
// console back to the login, which unmounts the editor; signing in again brings the typing back.
// Memory only: a reload is asked about by the browser (beforeunload) instead.
import type { ProcedureDraft } from './model.ts';

const kept = new Map<string, ProcedureDraft>();
const keyOf = (code: string | null) => code ?? '';

export const keepUnsaved = (code: string | null, draft: ProcedureDraft) => void kept.set(keyOf(code), draft);
export const takeUnsaved = (code: string | null): ProcedureDraft | undefined => kept.get(keyOf(code));
export const forgetUnsaved = (code: string | null) => void kept.delete(keyOf(code));
export const forgetAllUnsaved = () => kept.clear();
