// Fixtures for the print tests: a procedure with 8 document slots published through the admin
// catalog API (no seed procedure has 8), and dossiers of it with long names and addresses sent
// the way a phone sends them, so the forms printed are real stored forms at their largest.
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { makePng } from '../lib/png.ts';
import { pageRef, uploadPage } from './desk-api.ts';
import { signIn, type StaffAgent } from './staff-api.ts';

export const EIGHT_SLOTS = 'E2E.IN-8';

/** Long labels, as real slots have them ("…, hoặc …, nếu có"). */
const SLOT_LABELS = [
  'Tờ khai cấp giấy xác nhận tình trạng hôn nhân theo mẫu ban hành kèm theo Thông tư',
  'Bản chụp Căn cước công dân hoặc Chứng minh nhân dân còn giá trị sử dụng của người yêu cầu',
  'Giấy xác nhận nơi cư trú hoặc văn bản thông tin về cư trú do Công an cấp xã cấp',
  'Bản án, quyết định ly hôn đã có hiệu lực pháp luật của Tòa án (nếu có)',
  'Giấy chứng tử của vợ hoặc chồng đã mất (nếu có)',
  'Giấy xác nhận tình trạng hôn nhân đã cấp trước đây (nếu có, để thu hồi)',
  'Văn bản ủy quyền có chứng thực trong trường hợp nộp thay người yêu cầu',
  'Giấy tờ chứng minh việc thay đổi nơi thường trú qua các thời kỳ (nếu có)',
];

export const LONG_NAME = 'Nguyễn Hoàng Thị Phương Thảo Tôn Nữ Khánh Linh';
export const LONG_ADDRESS = 'Số nhà 1234, tổ dân phố số 15, thôn Nà Mò Trên, đường Quốc lộ 1B kéo dài, xã Võ Nhai, tỉnh Thái Nguyên';

async function send(base: string, agent: StaffAgent, method: string, path: string, body?: unknown) {
  return fetch(`${base}${path}`, {
    method,
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The marital status certificate with 8 slots, under its own code, published by demo.admin. */
export async function publishEightSlotProcedure(base: string): Promise<void> {
  const admin = await signIn(base, 'demo.admin');
  const source = (await (await admin.get('/api/admin/procedures/1.004873')).json()) as { published: Record<string, unknown> };
  const { version: _version, ...def } = source.published;
  const documents = SLOT_LABELS.map((vi, i) => ({ key: `doc${i + 1}`, required: i < 3, label: { vi, en: `Document ${i + 1}` }, maxPages: 3 }));
  const draft = { ...def, code: EIGHT_SLOTS, units: undefined, documents };
  const saved = await send(base, admin, 'PUT', `/api/admin/procedures/${EIGHT_SLOTS}/draft`, JSON.parse(JSON.stringify(draft)));
  expect(saved.status, await saved.clone().text()).toBe(200);
  const published = await send(base, admin, 'POST', `/api/admin/procedures/${EIGHT_SLOTS}/publish`);
  expect(published.status, await published.clone().text()).toBe(200);
}

/** A dossier of the 8-slot procedure with a page in each slot; answers its id and code. */
export async function sendEightSlotDossier(base: string, seed: number): Promise<{ id: string; code: string }> {
  const id = randomUUID();
  const pages = SLOT_LABELS.map((_, i) => {
    const bytes = makePng(120, 160, seed * 10 + i);
    return { ref: pageRef(`doc${i + 1}`, bytes), bytes };
  });
  for (const p of pages) await uploadPage(base, id, p.ref, p.bytes);
  const res = await fetch(`${base}/api/dossiers/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-dossier-secret': randomBytes(32).toString('hex') },
    body: JSON.stringify({
      procedureCode: EIGHT_SLOTS,
      unitCode: '05716',
      applicant: { fullName: LONG_NAME, phone: '0987654321', citizenId: '019387654321', address: LONG_ADDRESS, email: 'nguyen.hoang.phuong.thao.khanh.linh@example.vn' },
      fields: { currentStatus: 'divorced', purpose: 'Để đăng ký kết hôn với công dân nước ngoài tại Sở Tư pháp tỉnh Thái Nguyên và làm thủ tục vay vốn ngân hàng' },
      attachments: pages.map((p) => p.ref),
    }),
  });
  const answer = (await res.json()) as { receipt: { code: string } };
  expect(res.status, JSON.stringify(answer)).toBe(201);
  return { id, code: answer.receipt.code };
}

/** The stored form an action issued (its id), from the action's answer. */
export async function actForForm(agent: StaffAgent, dossierId: string, action: Record<string, unknown>): Promise<string> {
  const answer = (await agent.act(dossierId, action)) as { form?: { id: string } };
  expect(answer.form?.id).toBeTruthy();
  return answer.form!.id;
}

/** How many pages a PDF has: its /Type /Page objects (not the /Pages tree). */
export function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}
