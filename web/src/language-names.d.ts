declare module 'virtual:language-names' {
  /** Every folder of shared/locales (a language code) with the language's own name. */
  const names: Readonly<Record<string, string>>;
  export default names;
}
