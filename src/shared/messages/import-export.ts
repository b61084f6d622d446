// Messages of import and export.
// (Filled in by the import/export work; empty until then.)
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImportExportMessages {}
