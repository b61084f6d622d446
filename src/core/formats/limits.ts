// Bounds on untrusted import files. A session file can come from anywhere; these keep a hostile or
// broken one from freezing the worker or filling storage, while staying far above real use
// (Tab Session Manager splits its own exports at 32 MB; a heavy user has a few thousand tabs).

/** Characters (UTF-16 code units) in one file's text: about 200 MB of ASCII. Larger → ImportError. */
export const MAX_FILE_CHARS = 200 * 1024 * 1024;
/** Files in one import (Tab Session Manager's split `_1`, `_2`… exports, or a multi-select). */
export const MAX_FILES = 64;
/** Tabs in one file. More → ImportError: the file is refused, not silently cut. */
export const MAX_TABS_PER_FILE = 200_000;
/** Sessions in one file. More → ImportError. */
export const MAX_SESSIONS_PER_FILE = 20_000;
/** A title or session name longer than this is shortened (with a note in `skipped`), not refused. */
export const MAX_TITLE_CHARS = 4_096;
/** A tab whose URL is longer than this is skipped (with a note): a cut URL is a different URL. */
export const MAX_URL_CHARS = 65_536;
/** Tags per session and characters per tag; extra tags are dropped, long ones shortened (noted). */
export const MAX_TAGS = 100;
export const MAX_TAG_CHARS = 256;
/** Short identifiers (session ids, source ids, container ids). Longer → ImportError. */
export const MAX_ID_CHARS = 512;
/** Entries kept in `skipped`; the rest are summed up in one final entry so the list stays readable. */
export const MAX_NOTES = 1_000;
/** PBKDF2 iterations accepted when decrypting: a file cannot make us hash for minutes. */
export const MAX_KDF_ITERATIONS = 10_000_000;
/** Base64 characters of an encrypted payload (≈ 150 MB of ciphertext). */
export const MAX_ENCRYPTED_CHARS = MAX_FILE_CHARS;
