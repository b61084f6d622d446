// How guessable a new vault passphrase is (zxcvbn-ts, 0 = trivially to 4 = very hard). With the
// lock on, a copy of the profile lets anyone try passphrases offline, at PBKDF2's 600,000
// iterations a guess: the passphrase is all that stands in the way. The dictionaries weigh about a
// megabyte, so they load on the first keystroke, on this page only.
type Checker = { check(passphrase: string): { score: number } };

let checker: Promise<Checker> | undefined;

export type Strength = 0 | 1 | 2 | 3 | 4;

/** Below this, turning the lock on needs an explicit "use it anyway". */
export const GOOD_ENOUGH: Strength = 3;

export async function passphraseStrength(passphrase: string): Promise<Strength> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  // zxcvbn's time grows with the length; past 100 characters the score is 4 anyway.
  return (await checker).check(passphrase.slice(0, 100)).score as Strength;
}
