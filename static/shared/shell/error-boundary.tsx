import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import type { Lang } from '../i18n/locale';
import { BOOT_TEXT, bilingual } from './bilingual';
import { PlainNotice } from './notice';

interface Props {
  /** Language of the message; without it both languages are shown. */
  readonly lang?: Lang;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** The text of the crash message: in the user's language, or both when it is not known. */
export function crashMessage(lang: Lang | undefined): { title: string; retry: string } {
  if (lang === undefined) {
    return { title: bilingual('crashed', 'en'), retry: bilingual('retry', 'en') };
  }
  return { title: BOOT_TEXT.crashed[lang], retry: BOOT_TEXT.retry[lang] };
}

/** Shows a crash as a message with "Try again" instead of a blank iframe. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The host's console is the only log a Custom UI page has.
    console.error('Incident Desk page crashed', error, info.componentStack);
  }

  private readonly reset = (): void => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <CrashFallback lang={this.props.lang} detail={error.message} onRetry={this.reset} />;
  }
}

/** Crash text and retry; deliberately free of lazy chunks, since a failed chunk load may be the crash. */
export function CrashFallback(props: { lang: Lang | undefined; detail: string; onRetry?: () => void }) {
  const text = crashMessage(props.lang);
  return (
    <PlainNotice title={text.title} retryLabel={text.retry} {...(props.onRetry ? { onRetry: props.onRetry } : {})}>
      <code>{props.detail}</code>
    </PlainNotice>
  );
}
