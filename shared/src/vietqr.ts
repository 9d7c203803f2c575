// VietQR: the national bank-transfer QR (NAPAS 247), an EMVCo merchant-presented payload of
// tag-length-value fields ending in a CRC. Every Vietnamese banking app scans it, and the agency
// reconciles transfers by the purpose text, so the purpose starts with the dossier code.
// Built once by the server when a fee is requested; the phone, /tra-cuu and the print show it as is.

export const VIETQR_GUID = 'A000000727';
/** NAPAS service code: transfer to an account (as opposed to QRIBFTTC, to a card). */
export const VIETQR_SERVICE_ACCOUNT = 'QRIBFTTA';
/** ISO 4217 numeric code of the Vietnamese đồng. */
export const VND_CURRENCY = '704';
/** The sub-field 62-08 (purpose) holds at most 25 characters. */
export const PURPOSE_MAX = 25;

export interface VietQrInput {
  /** NAPAS bank identification number, 6 digits. */
  bankBin: string;
  /** Account number at that bank: digits or letters, at most 19. */
  accountNumber: string;
  /** Whole đồng; the QR is dynamic (point of initiation 12) since the amount is fixed. */
  amount: number;
  /** ASCII purpose, at most 25 characters; see `transferPurpose`. */
  purpose: string;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) over UTF-8 bytes. */
export function crc16(text: string): number {
  let crc = 0xffff;
  for (const byte of utf8(text)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

// shared/ runs without DOM or Node types, so UTF-8 is spelt out (payloads are ASCII; this keeps a
// foreign payload's CRC right).
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new RangeError(`VietQR field ${tag} longer than 99 characters`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** Folds Vietnamese to the plain ASCII a bank transfer keeps: tone marks and đ dropped, upper case. */
export function asciiPurpose(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/**
 * The transfer purpose: the dossier code first (what reconciliation matches on), then as much
 * of the "what for" as fits in 25 characters, cut at a word.
 */
export function transferPurpose(dossierCode: string, what?: string): string {
  const code = asciiPurpose(dossierCode).slice(0, PURPOSE_MAX);
  const room = PURPOSE_MAX - code.length - 1;
  const rest = what ? asciiPurpose(what) : '';
  if (room < 2 || rest === '') return code;
  let cut = rest.slice(0, room);
  if (rest.length > room && rest[room] !== ' ' && cut.includes(' ')) cut = cut.slice(0, cut.lastIndexOf(' '));
  return `${code} ${cut.trim()}`;
}

export function buildVietQr(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new RangeError('bank BIN must be 6 digits');
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) throw new RangeError('account number: 1-19 letters or digits');
  if (!Number.isInteger(input.amount) || input.amount < 0 || String(input.amount).length > 13) throw new RangeError('amount must be whole đồng');
  if (!/^[\x20-\x7e]*$/.test(input.purpose) || input.purpose.length > PURPOSE_MAX) throw new RangeError('purpose: ASCII, at most 25 characters');
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchant = tlv('00', VIETQR_GUID) + tlv('01', beneficiary) + tlv('02', VIETQR_SERVICE_ACCOUNT);
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('38', merchant) +
    tlv('53', VND_CURRENCY) +
    (input.amount > 0 ? tlv('54', String(input.amount)) : '') +
    tlv('58', 'VN') +
    (input.purpose ? tlv('62', tlv('08', input.purpose)) : '');
  const signed = `${body}6304`;
  return signed + hex4(crc16(signed));
}

/** Splits a TLV string into its fields in order; null when a length runs past the end. */
export function parseTlv(text: string): Array<{ tag: string; value: string }> | null {
  const out: Array<{ tag: string; value: string }> = [];
  let i = 0;
  while (i < text.length) {
    const tag = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(text.slice(i + 2, i + 4)) || i + 4 + len > text.length) return null;
    out.push({ tag, value: text.slice(i + 4, i + 4 + len) });
    i += 4 + len;
  }
  return out;
}

export interface ParsedVietQr {
  payloadFormat: string;
  initiation: string;
  guid: string;
  bankBin: string;
  accountNumber: string;
  service: string;
  currency: string;
  amount: number | null;
  country: string;
  purpose: string | null;
  crc: string;
  crcValid: boolean;
}

/** Reads a VietQR payload back; null when it is not one (bad TLV, no tag 38 with the NAPAS GUID). */
export function parseVietQr(payload: string): ParsedVietQr | null {
  const fields = parseTlv(payload);
  if (!fields) return null;
  const get = (list: Array<{ tag: string; value: string }>, tag: string) => list.find((f) => f.tag === tag)?.value;
  const merchant = parseTlv(get(fields, '38') ?? '');
  const beneficiary = merchant && parseTlv(get(merchant, '01') ?? '');
  const extra = parseTlv(get(fields, '62') ?? '');
  const crc = get(fields, '63');
  const last = fields.at(-1);
  if (!merchant || !beneficiary || crc === undefined || last?.tag !== '63') return null;
  const amount = get(fields, '54');
  return {
    payloadFormat: get(fields, '00') ?? '',
    initiation: get(fields, '01') ?? '',
    guid: get(merchant, '00') ?? '',
    bankBin: get(beneficiary, '00') ?? '',
    accountNumber: get(beneficiary, '01') ?? '',
    service: get(merchant, '02') ?? '',
    currency: get(fields, '53') ?? '',
    amount: amount === undefined ? null : Number(amount),
    country: get(fields, '58') ?? '',
    purpose: (extra && get(extra, '08')) ?? null,
    crc,
    crcValid: crc.toUpperCase() === hex4(crc16(payload.slice(0, payload.length - 4))),
  };
}
