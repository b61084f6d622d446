// Public surface of the import/export formats; the rest of the folder is internal detail.
export { parseImport, countPreview } from './parse-import.ts';
export type {
  ImportFile,
  ImportPreview,
  ImportCounts,
  ImportFormat,
  ImportOptions,
  ReplaceNote,
  SkipNote,
} from './parse-import.ts';
export { ImportError } from './import-error.ts';
export { dropDuplicates, type ExistingSession } from './drop-duplicates.ts';
export { exportSessions, EXPORT_FILE_TYPES, type ExportFormat, type ExportOptions } from './export-sessions.ts';
export {
  encryptWithPassphrase,
  decryptWithPassphrase,
  DecryptError,
  DEFAULT_KDF_ITERATIONS,
  type EncryptedBlob,
} from './passphrase-crypto.ts';
export { encryptCookieJars, decryptCookieJars, type CookieJarMap } from './cookie-jar-export.ts';
export { TABULARIUM_FORMAT, TABULARIUM_VERSION, TabulariumFileSchema, type TabulariumFile } from './tabularium-json.ts';
export {
  stripUrlTokensFromSessions,
  countTabsWithUrlTokens,
  tabsWithUrlTokens,
  type StrippedSessions,
} from './strip-url-tokens.ts';
export * as limits from './limits.ts';
