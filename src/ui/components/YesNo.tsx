// A yes/no choice: ←/→ or y/n select, Enter confirms. Defaults to the safe answer given.
import { Text } from 'ink';
import { useKeys } from '../keys.js';
import { useOnce, useRefState } from '../hooks.js';
import { t } from '../i18n.js';

export function YesNo({
  initial = false,
  onSubmit,
  isActive = true,
}: {
  initial?: boolean;
  onSubmit: (yes: boolean) => void;
  isActive?: boolean;
}) {
  const [yes, setYes, yesRef] = useRefState(initial);
  const once = useOnce();
  useKeys(
    (input, key) => {
      if (key.leftArrow || key.rightArrow || key.upArrow || key.downArrow || key.tab) setYes((v) => !v);
      else if (input === 'y' || input === 'Y') setYes(true);
      else if (input === 'n' || input === 'N') setYes(false);
      else if (key.return) once(() => onSubmit(yesRef.current));
    },
    { isActive },
  );
  return (
    <Text>
      <Text color={yes ? 'cyan' : undefined} bold={yes}>
        {yes ? `› ${t('ui.yes')}` : `  ${t('ui.yes')}`}
      </Text>
      <Text>{'   '}</Text>
      <Text color={yes ? undefined : 'cyan'} bold={!yes}>
        {yes ? `  ${t('ui.no')}` : `› ${t('ui.no')}`}
      </Text>
    </Text>
  );
}
