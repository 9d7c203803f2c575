// `qrcode` behind a module of this room, so while only the console uses it its chunk is the
// console's (web/vite.config.ts keeps those out of the citizens' precache); once citizen code
// uses it too, the bundler makes it a shared chunk of its own.
export { toString } from 'qrcode';
