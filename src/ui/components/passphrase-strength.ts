// Passphrase strength with zxcvbn-ts. Its dictionaries (common passwords, English words and names)
// weigh about 1.6 MB raw: they are fetched with a dynamic import() the first time someone types a
// passphrase, never on a page's first load. Only the score (0–4) is used: zxcvbn's feedback
// sentences are English-only, and everything a person reads here is a _locales message.
import { useEffect, useMemo, useState } from 'preact/hooks';

/** zxcvbn's score (0–4) once known; 'pending' while its dictionaries load; 'unknown' if they failed. */
export type Strength = number | 'pending' | 'unknown';

type Scorer = (passphrase: string) => number;

// Words anyone would try first against a file that came from this extension.
const USER_INPUTS = ['tabularium', 'cookies', 'cookie', 'session', 'sessions', 'export', 'passphrase'];

let loading: Promise<Scorer> | undefined;

export function loadScorer(): Promise<Scorer> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
    });
    return (passphrase: string) => zxcvbn.check(passphrase, USER_INPUTS).score;
  })();
  // A failed chunk load (an extension update mid-session) may work on the next try.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The strength of `passphrase`; the scorer starts loading only once there is something to score. */
export function usePassphraseStrength(passphrase: string): Strength {
  const [scorer, setScorer] = useState<Scorer | 'failed' | undefined>(undefined);
  const wanted = passphrase !== '';
  useEffect(() => {
    // Loaded, or failed (not retried in a loop: the person can still choose "use it anyway").
    if (!wanted || scorer !== undefined) return;
    let live = true;
    loadScorer().then(
      (s) => live && setScorer(() => s),
      () => live && setScorer('failed'),
    );
    return () => {
      live = false;
    };
  }, [wanted, scorer]);
  return useMemo((): Strength => {
    if (scorer === 'failed') return 'unknown';
    if (!scorer) return 'pending';
    return passphrase === '' ? 0 : scorer(passphrase);
  }, [scorer, passphrase]);
}
