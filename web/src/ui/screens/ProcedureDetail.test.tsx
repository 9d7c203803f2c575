import { SEED_CATALOG } from '@hsc/shared/catalog';
import type { Procedure } from '@hsc/shared/schemas';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveCatalog, saveUnits } from '../../db/catalog.ts';
import { initI18n } from '../../i18n/index.ts';
import { queuedDossier, resetDb, UNITS } from '../../test-utils/fixtures.ts';
import { ProcedureDetail } from './ProcedureDetail.tsx';

const birth = SEED_CATALOG.find((p) => p.code === '1.001193')!;
const TEMPLATE_ID = '0b6f1c52-8a4e-4f0e-9d7a-3c2b1a0f9e8d';
const full: Procedure = {
  ...birth,
  level: 4,
  legalBasis: { vi: 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP', en: 'Civil Status Law 2014; Decree 123/2015/ND-CP' },
  feeExemption: { vi: 'Gia đình người có công, hộ nghèo, người khuyết tật', en: 'Families of people of merit, poor households, people with disabilities' },
  documents: birth.documents.map((d) =>
    d.key === 'declaration' ? { ...d, template: { id: TEMPLATE_ID, fileName: 'to-khai-khai-sinh.pdf', mediaType: 'application/pdf', size: 125_000, sha256: 'a'.repeat(64) } } : d,
  ),
};
const partly: Procedure = { ...SEED_CATALOG.find((p) => p.code === '2.000884')!, level: 3, legalBasis: undefined, feeExemption: undefined };

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

describe('a procedure', () => {
  beforeAll(() => initI18n('vi'));
  beforeEach(async () => {
    await resetDb();
    await saveCatalog([full, partly], '1', '"1"');
  });
  afterEach(() => setOnline(true));

  it('says in plain words what can be done online, the legal basis and who pays no fee', async () => {
    render(<ProcedureDetail code="1.001193" />);
    expect((await screen.findByTestId('procedure-level')).textContent).toBe('Nộp và nhận kết quả trực tuyến');
    const declared = [...screen.getByTestId('procedure-fields').querySelectorAll('li')].map((li) => li.textContent);
    expect(declared).toEqual(full.fields.map((f) => f.label.vi));
    expect(screen.getByTestId('procedure-legal-basis').textContent).toContain('Nghị định 123/2015/NĐ-CP');
    expect(screen.getByTestId('procedure-fee-exemption').textContent).toContain('hộ nghèo');
  });

  it('says a level-3 procedure is sent online but paid and collected in person', async () => {
    render(<ProcedureDetail code="2.000884" />);
    const level = await screen.findByTestId('procedure-level');
    expect(level.textContent).toContain('Nộp hồ sơ trực tuyến');
    expect(level.textContent).toContain('nhận tại nơi giải quyết');
    expect(screen.queryByTestId('procedure-legal-basis')).toBeNull();
    expect(screen.queryByTestId('procedure-fee-exemption')).toBeNull();
  });

  it('links the blank form of a slot that has one, and says it needs a connection', async () => {
    render(<ProcedureDetail code="1.001193" />);
    const link = (await screen.findByTestId('template-declaration')) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/api/catalog/templates/${TEMPLATE_ID}`);
    expect(link.textContent).toContain('Mở tờ khai mẫu');
    expect(link.parentElement!.textContent).toContain('Cần có mạng để mở. Tệp to-khai-khai-sinh.pdf');
    expect(screen.queryByTestId('template-birthProof')).toBeNull();

    setOnline(false);
    // Found, not got: the screen may start listening for the network just after it shows, and
    // then reads the state as it starts.
    expect((await screen.findByTestId('template-offline-declaration')).textContent).toContain('Đang không có mạng');
    expect(screen.queryByTestId('template-declaration')).toBeNull();
  });

  it('after Back while sending, says a dossier of this procedure is on its way and where, and leads to it', async () => {
    await saveUnits(UNITS, '"u"');
    const sending = await queuedDossier();
    render(<ProcedureDetail code="2.000884" />);
    const box = await screen.findByTestId('procedure-on-way');
    expect(box.textContent).toContain('đang trên đường gửi đến Xã Võ Nhai');
    expect(screen.getByTestId('start-dossier').textContent).toBe('Làm thêm một hồ sơ khác');
    expect(screen.getByTestId('start-dossier').className).toContain('btn-secondary');
    act(() => screen.getByTestId('procedure-on-way-open').click());
    expect(window.location.pathname).toBe(`/dossiers/${sending.id}`);
  });

  it('invites a dossier as usual when none of it is on its way', async () => {
    render(<ProcedureDetail code="1.001193" />);
    expect((await screen.findByTestId('start-dossier')).textContent).toBe('Bắt đầu làm hồ sơ');
    expect(screen.queryByTestId('procedure-on-way')).toBeNull();
  });
});
