// The tab's title says which site, in the page's language (the HTML title is only a fallback).
import { useEffect } from 'preact/hooks';
import { t } from '../i18n.ts';

export function usePageTitle(host: string, url: string): void {
  useEffect(() => {
    document.title = t('inspTitle', host || url || '…');
  }, [host, url]);
}
