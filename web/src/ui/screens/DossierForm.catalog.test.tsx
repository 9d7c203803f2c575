import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAttachments } from '../../db/attachments.ts';
import { db } from '../../db/db.ts';
import { createDraft, getDossier, patchDraft, toSubmission } from '../../db/dossiers.ts';
import { initI18n, switchLanguage } from '../../i18n/index.ts';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import { LocalReceipt } from '../dossier/LocalReceipt.tsx';
import { HOUSEHOLD_V1, HOUSEHOLD_V2 } from '../form/household.fixture.ts';
import { DossierForm } from './DossierForm.tsx';

beforeAll(() => initI18n('vi'));
beforeEach(async () => {
  await resetDb();
  await seedReferenceData();
  await db.procedures.put(HOUSEHOLD_V1);
  await switchLanguage('vi');
});

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function openDraft() {
  const d = await createDraft(HOUSEHOLD_V1.code);
  render(<DossierForm id={d.id} />);
  await screen.findByTestId('send');
  return d;
}

/** Everything outside the procedure's own fields, valid. */
function fillApplicant() {
  type('field-unitCode', '05716');
  type('field-applicant.fullName', 'Lò Thị Mai');
  type('field-applicant.phone', '0912345678');
  type('field-applicant.citizenId', '019123456789');
  type('field-applicant.address', 'Xóm Na Rang, xã Võ Nhai');
}

/** What the outbox would PUT for the stored dossier, once Send has frozen it. */
async function sentBody(id: string) {
  await waitFor(async () => expect((await getDossier(id))?.state).toBe('queued'));
  return toSubmission((await getDossier(id))!, await listAttachments(id));
}

describe('a procedure with every kind of field', () => {
  it('renders a long text with its hint, yes/no as two big choices, a long select with a filter box', async () => {
    await openDraft();
    const note = screen.getByTestId('field-fields.note');
    expect(note.tagName).toBe('TEXTAREA');
    const hint = screen.getByText('Viết ngắn gọn, vài câu là đủ.');
    expect(note.getAttribute('aria-describedby')).toContain(hint.id);

    const yesNo = screen.getByTestId('field-fields.hasDisability');
    expect(yesNo.getAttribute('role')).toBe('radiogroup');
    expect(document.getElementById(yesNo.getAttribute('aria-labelledby')!)?.textContent).toContain('Trong hộ có người khuyết tật không?');
    expect(within(yesNo).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['Có', 'Không']);

    const ethnicity = screen.getByTestId('field-fields.ethnicity') as HTMLSelectElement;
    expect(ethnicity.options).toHaveLength(16);
    type('filter-fields.ethnicity', 'tay');
    expect([...ethnicity.options].map((o) => o.textContent)).toEqual(['— Chọn —', 'Tày']);
    type('field-fields.ethnicity', 'e2');
    type('filter-fields.ethnicity', 'muong');
    // The chosen one stays listed whatever is typed.
    expect([...ethnicity.options].map((o) => o.textContent)).toEqual(['— Chọn —', 'Tày', 'Mường']);
  });

  it('shows a field only while its condition holds; a hidden value is kept in the draft but not sent', async () => {
    const d = await openDraft();
    fillApplicant();
    expect(screen.queryByTestId('field-fields.disabilityLevel')).toBeNull();

    fireEvent.click(screen.getByTestId('field-fields.hasDisability-yes'));
    type('field-fields.disabilityLevel', 'Nặng');
    fireEvent.click(screen.getByTestId('field-fields.hasDisability-no'));
    expect(screen.queryByTestId('field-fields.disabilityLevel')).toBeNull();
    type('field-fields.ethnicity', 'e1');
    type('field-fields.members.0.name', 'Lò Văn Páo');
    type('field-fields.members.0.relation', 'child');
    type('field-fields.note', 'Nhà có ba người.\nBố mẹ đã già.');

    await waitFor(async () => expect((await getDossier(d.id))?.fields.disabilityLevel).toBe('Nặng'));
    fireEvent.click(screen.getByTestId('send'));
    const body = await sentBody(d.id);
    expect(body.fields).toEqual({
      note: 'Nhà có ba người.\nBố mẹ đã già.',
      hasDisability: 'no',
      ethnicity: 'e1',
      members: [{ name: 'Lò Văn Páo', relation: 'child' }],
    });
    expect(body.procedureVersion).toBe(1);
  });

  it('asks for a hidden-then-shown field once its condition holds', async () => {
    await openDraft();
    fireEvent.click(screen.getByTestId('field-fields.hasDisability-yes'));
    fireEvent.click(screen.getByTestId('send'));
    expect((await screen.findByTestId('error-fields.disabilityLevel')).textContent).toBe('Vui lòng điền mục này.');
    expect(screen.queryByTestId('error-fields.hasDisability')).toBeNull();
  });

  it('adds group rows up to the most, each numbered for screen readers, and removes none below the least', async () => {
    await openDraft();
    // Starts with its one required row, which cannot be removed.
    expect(screen.getByTestId('group-row-members-0').querySelector('legend')?.textContent).toBe('Thành viên trong hộ, Dòng 1');
    expect(screen.queryByTestId('group-remove-members-0')).toBeNull();

    fireEvent.click(screen.getByTestId('group-add-members'));
    // A patient wait: on a machine busy with the whole suite, jsdom and the draft's write take over a second.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-fields.members.1.name')), { timeout: 5000 });
    expect(screen.getByTestId('group-row-members-1').querySelector('legend')?.textContent).toBe('Thành viên trong hộ, Dòng 2');
    expect(screen.getByTestId('group-remove-members-0').textContent).toBe('Xóa dòng 1');
    fireEvent.click(screen.getByTestId('group-add-members'));

    // Three is the most: "add" gives way to a line saying so.
    expect(screen.getByTestId('field-fields.members.2.relation').tagName).toBe('SELECT');
    expect(screen.queryByTestId('group-add-members')).toBeNull();
    expect(screen.getByTestId('group-full-members').textContent).toBe('Đã đủ 3 dòng, số dòng tối đa của mục này.');
    fireEvent.click(screen.getByTestId('group-remove-members-2'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('group-add-members')), { timeout: 5000 });
  });

  it('removes a row without leaving anything behind to slide into another, and sends the rows in order', async () => {
    const d = await openDraft();
    fillApplicant();
    fireEvent.click(screen.getByTestId('field-fields.hasDisability-no'));
    type('field-fields.ethnicity', 'e1');
    type('field-fields.members.0.name', 'Lò Văn Páo');
    type('field-fields.members.0.relation', 'spouse');
    fireEvent.click(screen.getByTestId('group-add-members'));
    type('field-fields.members.1.name', 'Lò Thị Dung');
    type('field-fields.members.1.relation', 'child');
    fireEvent.click(screen.getByTestId('group-add-members'));
    type('field-fields.members.2.name', 'Lò Văn Sinh');
    type('field-fields.members.2.relation', 'child');
    await waitFor(async () => expect(Object.values((await getDossier(d.id))!.fields)).toContain('Lò Thị Dung'));

    expect(screen.getByTestId('group-remove-members-1').textContent).toBe('Xóa dòng 2');
    fireEvent.click(screen.getByTestId('group-remove-members-1'));
    expect((screen.getByTestId('field-fields.members.1.name') as HTMLInputElement).value).toBe('Lò Văn Sinh');
    expect(screen.queryByTestId('field-fields.members.2.name')).toBeNull();
    await waitFor(async () => expect(Object.values((await getDossier(d.id))!.fields)).not.toContain('Lò Thị Dung'));

    // A new third row is empty: nothing of the removed row comes back.
    fireEvent.click(screen.getByTestId('group-add-members'));
    expect((screen.getByTestId('field-fields.members.2.name') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('group-remove-members-2'));

    fireEvent.click(screen.getByTestId('send'));
    const body = await sentBody(d.id);
    expect(body.fields.members).toEqual([
      { name: 'Lò Văn Páo', relation: 'spouse' },
      { name: 'Lò Văn Sinh', relation: 'child' },
    ]);

    // The receipt saved on the phone lists the rows in words, not the draft's bookkeeping.
    render(<LocalReceipt dossier={(await getDossier(d.id))!} procedure={null} unit={null} pages={[]} />);
    const receipt = screen.getByTestId('local-receipt').textContent!;
    expect(receipt).toContain('Thành viên trong hộ: Lò Văn Páo, Vợ hoặc chồng; Lò Văn Sinh, Con');
    expect(receipt).toContain('Trong hộ có người khuyết tật không?: Không');
    expect(receipt).not.toContain('#');
  }, 15_000); // many keystrokes through jsdom: slow on a busy machine, not in the app

  it('shows each row’s problems under the sub-field, by row', async () => {
    await openDraft();
    fireEvent.click(screen.getByTestId('group-add-members'));
    type('field-fields.members.0.name', 'Lò Văn Páo');
    fireEvent.click(screen.getByTestId('send'));
    expect((await screen.findByTestId('error-fields.members.1.name')).textContent).toBe('Vui lòng điền mục này.');
    expect(screen.getByTestId('error-fields.members.0.relation').textContent).toBe('Vui lòng điền mục này.');
    expect(screen.queryByTestId('error-fields.members.0.name')).toBeNull();
  });

  it('offers only the communes and wards that take the procedure', async () => {
    await openDraft();
    const unit = screen.getByTestId('field-unitCode') as HTMLSelectElement;
    expect([...unit.options].map((o) => o.textContent)).toEqual(['— Chọn xã, phường —', 'Xã Phong Quang', 'Xã Võ Nhai']);
    expect(screen.getByText('Thủ tục này chỉ nhận ở các xã, phường có trong danh sách.')).toBeTruthy();
  });

  it('keeps a draft on its version when a newer one arrives, says what the new one asks for, and updates on request', async () => {
    const d = await createDraft(HOUSEHOLD_V1.code);
    await patchDraft(d.id, { 'fields.note': 'Hộ nghèo', 'fields.members.r1.name': 'Lò Văn Páo', 'fields.ethnicity': 'e2' });
    await db.procedures.put(HOUSEHOLD_V2);
    render(<DossierForm id={d.id} />);

    const notice = await screen.findByTestId('version-notice');
    expect(notice.textContent).toContain('Xã đã đổi mẫu đơn của thủ tục này.');
    expect(within(notice).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Số điện thoại của chủ hộ', 'Thành viên trong hộ']);
    // Still the draft's own form until the person chooses.
    expect(screen.getByTestId('field-fields.note')).toBeTruthy();
    expect(screen.queryByTestId('field-fields.headPhone')).toBeNull();
    expect(screen.getByTestId('attach-oldPaper')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByTestId('version-update')));
    await waitFor(() => expect(screen.queryByTestId('version-notice')).toBeNull());
    expect(screen.getByTestId('field-fields.headPhone')).toBeTruthy();
    expect(screen.queryByTestId('field-fields.note')).toBeNull();
    expect(screen.queryByTestId('attach-oldPaper')).toBeNull();
    expect((screen.getByTestId('field-fields.members.0.name') as HTMLInputElement).value).toBe('Lò Văn Páo');
    expect((screen.getByTestId('field-fields.ethnicity') as HTMLSelectElement).value).toBe('e2');
    const stored = await getDossier(d.id);
    expect(stored?.procedure?.version).toBe(2);
    expect(stored?.fields.note).toBeUndefined();

    // The new version wants two members: the count is named on the group.
    fireEvent.click(screen.getByTestId('send'));
    expect((await screen.findByTestId('error-fields.members')).textContent).toBe('Cần ít nhất 2 dòng.');
    expect(screen.getByTestId('error-fields.members.0.birthYear').textContent).toBe('Vui lòng điền mục này.');
  });

  it('sends a draft on its own version when the person keeps it', async () => {
    const d = await createDraft(HOUSEHOLD_V1.code);
    await db.procedures.put(HOUSEHOLD_V2);
    render(<DossierForm id={d.id} />);
    await screen.findByTestId('version-notice');
    fillApplicant();
    fireEvent.click(screen.getByTestId('field-fields.hasDisability-no'));
    type('field-fields.ethnicity', 'e1');
    type('field-fields.members.0.name', 'Lò Văn Páo');
    type('field-fields.members.0.relation', 'spouse');
    fireEvent.click(screen.getByTestId('send'));
    const body = await sentBody(d.id);
    expect(body.procedureVersion).toBe(1);
    expect(body.fields.members).toEqual([{ name: 'Lò Văn Páo', relation: 'spouse' }]);
  });

  it('says calmly that nothing more is needed when the new version only adds an optional field', async () => {
    const d = await createDraft(HOUSEHOLD_V1.code);
    await db.procedures.put({ ...HOUSEHOLD_V1, version: 2, fields: [...HOUSEHOLD_V1.fields, { key: 'remark', type: 'text', required: false, label: { vi: 'Ghi chú thêm', en: 'Remark' } }] });
    render(<DossierForm id={d.id} />);
    const notice = await screen.findByTestId('version-notice');
    expect(notice.textContent).toContain('Hồ sơ này không cần điền thêm gì và vẫn gửi được như bây giờ.');
    expect(screen.queryByTestId('version-asked')).toBeNull();
    // Still there, quietly, for a commune that stopped taking the old form.
    expect(screen.getByTestId('version-update').className).toContain('btn-secondary');
  });

  it('says plainly when the procedure was retired, and still shows the draft', async () => {
    const d = await createDraft(HOUSEHOLD_V1.code);
    await patchDraft(d.id, { 'fields.members.r1.name': 'Lò Văn Páo' });
    await db.procedures.delete(HOUSEHOLD_V1.code);
    render(<DossierForm id={d.id} />);
    expect((await screen.findByTestId('retired-notice')).textContent).toContain('Thủ tục này đã ngừng nhận hồ sơ mới');
    expect(screen.getByTestId('retired-notice').textContent).toContain('Hãy hỏi xã, phường');
    expect((screen.getByTestId('field-fields.members.0.name') as HTMLInputElement).value).toBe('Lò Văn Páo');
  });

  it('takes a draft made before versions onto the version it is shown in', async () => {
    const d = await createDraft(HOUSEHOLD_V1.code);
    await db.dossiers.update(d.id, { procedure: undefined, fields: {} });
    render(<DossierForm id={d.id} />);
    await screen.findByTestId('send');
    await waitFor(async () => expect((await getDossier(d.id))?.procedure?.version).toBe(1));
    expect(screen.getByTestId('field-fields.members.0.name')).toBeTruthy();
    expect((await getDossier(d.id))?.fields['members.#']).toBe('r1');
  });
});
