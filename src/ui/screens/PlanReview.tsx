// Plan review: the whole plan, scrollable; start stays disabled while blockers are open,
// and starting asks for a confirmation first, because it will change the server.
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../keys.js';
import { t } from '../i18n.js';
import type { Plan } from '../../model/plan.js';
import { Frame, bodyColumns, bodyRows } from '../components/Frame.js';
import { ScrollView, scrollPosition, useScroll } from '../components/Scroll.js';
import { YesNo } from '../components/YesNo.js';
import { planLines } from '../planLines.js';
import { useTermSize } from '../size.js';

export function PlanReview({
  plan,
  product,
  target,
  secrets = [],
  onStart,
  onBack,
}: {
  plan: Plan;
  product: string;
  /** The server or sandbox root the run will change, for the confirmation. */
  target: string;
  secrets?: readonly string[];
  onStart: () => void;
  onBack?: () => void;
}) {
  const size = useTermSize();
  const [confirming, setConfirming] = useState(false);
  const [nudge, setNudge] = useState(false);
  const width = bodyColumns(size);
  const lines = planLines(plan, width, secrets);
  const blocked = plan.blockers.length > 0;
  const keys = confirming
    ? t('ui.keys.yesno')
    : `${t('ui.keys.scroll')} · ${blocked ? t('ui.keys.startDisabled') : t('ui.keys.start')}${onBack ? ` · ${t('ui.keys.back')}` : ''} · ${t('ui.keys.quit')}`;
  const footerRows = confirming ? 3 : 1;
  const height = bodyRows(size, keys) - footerRows;
  const offset = useScroll(lines.length, height, !confirming);
  useKeys(
    (_input, key) => {
      if (key.return) {
        if (blocked) setNudge(true);
        else setConfirming(true);
      } else if (key.escape && onBack) onBack();
    },
    { isActive: !confirming },
  );
  return (
    <Frame title={t('ui.plan.title', { product })} subject={product} right={scrollPosition(offset, height, lines.length, true)} keys={keys}>
      <ScrollView width={width} lines={lines} height={height} offset={offset} />
      {confirming ? (
        <Box flexDirection="column">
          <Text color="yellow" bold wrap="truncate-end">
            {t('ui.plan.confirm', { target })}
          </Text>
          <Text wrap="truncate-end">{t('ui.plan.confirmQuestion', { count: plan.steps.length })}</Text>
          <YesNo
            initial={false}
            onSubmit={(yes) => {
              setConfirming(false);
              if (yes) onStart();
            }}
          />
        </Box>
      ) : blocked ? (
        <Text color="red" bold={nudge} wrap="truncate-end">
          {t(onBack ? 'ui.plan.startDisabledBack' : 'ui.plan.startDisabled', { count: plan.blockers.length })}
        </Text>
      ) : (
        <Text color="green" wrap="truncate-end">
          {t('ui.plan.ready', { count: plan.steps.length })}
        </Text>
      )}
    </Frame>
  );
}
