// `qrcode` behind a module of this room, so its chunk is recognised as the staff console's
// (web/vite.config.ts keeps those out of the citizens' precache).
export { toString } from 'qrcode';
