// One polite live region for what just happened, with optional actions (Undo, overwrite cookies).

export interface StatusAction {
  label: string;
  run: () => void;
}

export interface Status {
  kind: 'info' | 'error';
  text: string;
  action?: StatusAction;
  /** A second action beside the first (after a Replace that also kept newer cookies). */
  secondAction?: StatusAction;
}

export function StatusLine({ status }: { status: Status | undefined }) {
  const actions = [status?.action, status?.secondAction].filter((a): a is StatusAction => !!a);
  return (
    <div class={`status ${status?.kind ?? ''}`} role={status?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {status && <span>{status.text}</span>}
      {actions.map((a) => (
        <button key={a.label} type="button" onClick={a.run}>
          {a.label}
        </button>
      ))}
    </div>
  );
}
