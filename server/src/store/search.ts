// The `search` column of dossiers, which the staff search matches: written by the submission
// service with each dossier and by the migration that added the column. Its own module so the
// service need not import the migrations.
import { foldVi, type DossierSubmission } from '@hsc/shared';

/** The staff search's text: folded words of the code, the applicant's name, phone and citizen ID. */
export function searchText(code: string, body: Pick<DossierSubmission, 'applicant'>): string {
  const { fullName, phone, citizenId } = body.applicant;
  return ` ${[code, fullName, phone.replace(/\D/g, ''), citizenId.replace(/\D/g, '')].map(foldVi).join(' ')} `;
}
