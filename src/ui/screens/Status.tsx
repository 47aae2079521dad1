// The two plain screens: a wait with a spinner, and an error that ends the wizard.
import { Text } from 'ink';
import { t } from '../i18n.js';
import { Frame, bodyColumns } from '../components/Frame.js';
import { Spinner } from '../components/Progress.js';
import { useKeys } from '../keys.js';
import { Lines, para } from '../lines.js';
import { useTermSize } from '../size.js';

export function Loading({ title, subject, what }: { title: string; subject?: string; what: string }) {
  return (
    <Frame title={title} subject={subject} keys={t('ui.keys.quit')}>
      <Text>
        <Spinner /> {what}
      </Text>
    </Frame>
  );
}

export function ErrorScreen({ message, onExit }: { message: string; onExit: () => void }) {
  const width = bodyColumns(useTermSize());
  useKeys((input, key) => {
    if (key.return || input === 'q') onExit();
  });
  return (
    <Frame title={t('ui.error.title')} keys={t('ui.keys.exit')}>
      <Lines width={width} lines={para(message, width, { color: 'red' })} />
    </Frame>
  );
}
