// The wizard's flow: welcome -> product -> questions -> plan review -> run -> summary.
// It only moves between screens and calls the injected services; plans, facts and the
// run itself come from src/plan, src/detect and src/run through WizardServices.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { KeyProvider, useKeys } from './keys.js';
import { getLang, t } from './i18n.js';
// run.resume.rebootMissing, said on the welcome.
import '../i18n/messages/args.js';
import type { Answers, Definition } from '../model/definition.js';
import type { Facts } from '../model/facts.js';
import type { Plan } from '../model/plan.js';
import { RunStore } from './bridge.js';
import { ProductScreen } from './screens/Product.js';
import { QuestionScreen } from './screens/Question.js';
import { RunScreen } from './screens/run/RunScreen.js';
import { ErrorScreen, Loading } from './screens/Status.js';
import { Summary, summaryText } from './screens/Summary.js';
import { Welcome, type FoundGroup, type FoundItem } from './screens/Welcome.js';
import { lookAt, secretValues, type FirstLook, type ProductDetections, type RunOutcome, type WizardContext, type WizardServices } from './services.js';
import { SizeContext, type TermSize } from './size.js';
import { productFound } from '../detect/found.js';
import { answerText } from './answer-text.js';

// The review describes each step through the step handlers (src/run/steps, with tar, zlib and the
// process runner), which the first screen does not need: loaded when the plan is built.
const loadReview = () => import('./screens/PlanReview.js').then((m) => ({ default: m.PlanReview }));
const PlanReview = lazy(loadReview);

type Phase =
  | { name: 'loading'; what: string }
  | { name: 'welcome' }
  | { name: 'product' }
  | { name: 'questions' }
  | { name: 'review'; plan: Plan }
  | { name: 'run'; plan: Plan; store: RunStore }
  | { name: 'summary'; outcome: RunOutcome }
  | { name: 'error'; message: string };

export interface AppProps {
  services: WizardServices;
  context: WizardContext;
  /** Called once when the wizard ends, with the exit code and lines to print after the screens close. */
  onExit: (code: number, after: string[]) => void;
  /** Pins the layout size (tests); otherwise the terminal's size is followed. */
  size?: TermSize;
  /**
   * Interrupts from outside the keyboard: SIGINT and SIGTERM are handled like Ctrl-C ('sigterm'
   * journaled as such, and a prompt answered "stop"); 'hangup' (SIGHUP, the terminal gone) stops
   * a run without waiting for anyone, and ends the wizard.
   */
  interrupts?: { on(listener: (cause?: 'hangup' | 'sigterm') => void): () => void };
  /**
   * The look at the machine (lookAt), when it was started before the screens: `ready` once it is
   * done, and then the welcome is the first screen, with no wait screen flashing before it.
   */
  firstLook?: { pending: Promise<FirstLook>; ready?: FirstLook };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The products this machine shows signs of (not only its OS), each with what was seen. */
function foundProducts(found: ProductDetections[], defs: Definition[]): ProductDetections[] {
  return found.filter((g) => productFound(defs.find((d) => d.id === g.product), g.detections));
}

/** The product with the most detected answers is the likely one. */
function likelyProduct(found: ProductDetections[]): string | undefined {
  let best: ProductDetections | undefined;
  for (const g of found) if (!best || g.detections.length > best.detections.length) best = g;
  return best?.product;
}

function Flow({ services, context, onExit, interrupts, firstLook }: Omit<AppProps, 'size'>) {
  const lang = getLang();
  const ready = firstLook?.ready;
  const [phase, setPhase] = useState<Phase>(ready ? { name: 'welcome' } : { name: 'loading', what: t('ui.loading.machine') });
  const [look, setLook] = useState<FirstLook>(ready ?? { defs: [], found: [], resumable: undefined });
  const { defs, found, resumable } = look;
  const [def, setDef] = useState<Definition | undefined>();
  const [facts, setFacts] = useState<Facts | undefined>();
  const [answers, setAnswers] = useState<Answers>(context.preset);
  const [asked, setAsked] = useState<string[]>([]);
  // Answers taken back with Esc: offered again when their question comes back.
  const [earlier, setEarlier] = useState<Answers>({});
  const exited = useRef(false);
  const started = useRef(false);
  const hungUp = useRef(false);

  const exit = useCallback(
    (code: number, after: string[] = []) => {
      if (exited.current) return;
      exited.current = true;
      onExit(code, after);
    },
    [onExit],
  );
  const fail = useCallback((error: unknown) => setPhase({ name: 'error', message: message(error) }), []);
  const errorText = (text: string) => [
    `${t('ui.error.head')}: ${text}`,
    started.current ? t('ui.summary.again', { command: context.againCommand }) : t('ui.quit.nothingChanged'),
  ];

  useEffect(() => {
    if (ready) return;
    (firstLook?.pending ?? lookAt(services, context.product))
      .then((result) => {
        setLook(result);
        setPhase({ name: 'welcome' });
      })
      .catch(fail);
  }, [services, fail, context.product, firstLook, ready]);

  const chooseProduct = (id: string, given: Answers = answers) => {
    const chosen = defs.find((d) => d.id === id);
    if (!chosen) return fail(new Error(t('ui.error.unknownProduct', { product: id })));
    setDef(chosen);
    setPhase({ name: 'loading', what: t('ui.loading.facts') });
    services
      .gatherFacts(chosen, given)
      .then((f) => {
        setFacts(f);
        setPhase({ name: 'questions' });
      })
      .catch(fail);
  };

  const afterWelcome = () => {
    if (context.product) chooseProduct(context.product);
    else setPhase({ name: 'product' });
  };

  const plan = (final: Answers) => {
    if (!def) return;
    setPhase({ name: 'loading', what: t('ui.loading.plan') });
    // Loaded while the facts are gathered: the review then shows at once.
    loadReview().catch(() => undefined);
    services
      .gatherFacts(def, final)
      .then(async (f) => {
        setFacts(f);
        setPhase({ name: 'review', plan: await services.buildPlan(def, final, f) });
      })
      .catch(fail);
  };

  const start = (p: Plan, store: RunStore, run: Promise<RunOutcome>) => {
    started.current = true;
    setPhase({ name: 'run', plan: p, store });
    // With the terminal gone nobody reads the summary: the wizard ends when the run has.
    run.then((outcome) => (hungUp.current ? exit(outcome.exitCode, summaryText(outcome, context.againCommand)) : setPhase({ name: 'summary', outcome }))).catch(fail);
  };
  const control = (store: RunStore) => ({ signal: store.stopSignal, killSignal: store.killSignal });

  const back = () => {
    const last = asked[asked.length - 1];
    if (last === undefined) {
      if (!context.product) setPhase({ name: 'product' });
      return;
    }
    setAsked(asked.slice(0, -1));
    const { [last]: dropped, ...rest } = answers;
    setAnswers(rest);
    if (dropped !== undefined) setEarlier({ ...earlier, [last]: dropped });
    setPhase({ name: 'questions' });
  };

  // Ctrl-C: during a run, first stop after the step, then abort; elsewhere leave at once.
  const interrupt = (cause?: 'hangup' | 'sigterm') => {
    if (cause === 'hangup') hungUp.current = true;
    if (phase.name === 'run') {
      if (cause === 'hangup') phase.store.hangUp();
      else phase.store.requestStop(cause === 'sigterm' ? 'sigterm' : 'ctrl-c');
    } else if (phase.name === 'summary') {
      exit(phase.outcome.exitCode, summaryText(phase.outcome, context.againCommand));
    } else if (phase.name === 'error') {
      exit(1, errorText(phase.message));
    } else {
      exit(2, [t('ui.quit.nothingChanged')]);
    }
  };
  const latestInterrupt = useRef(interrupt);
  latestInterrupt.current = interrupt;
  useEffect(() => interrupts?.on((cause) => latestInterrupt.current(cause)), [interrupts]);
  useKeys((input, key) => {
    if (key.ctrl && input === 'c') interrupt();
  });

  const askable = phase.name === 'questions' && def ? services.askableQuestions(def, answers) : [];
  const question = askable.find((q) => !(q.id in answers));
  const complete = phase.name === 'questions' && def !== undefined && question === undefined;
  useEffect(() => {
    // Every askable question has an answer: build the plan.
    if (complete) plan(answers);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per completed set of answers
  }, [complete, answers]);

  const title = def ? def.title[lang] : '';
  switch (phase.name) {
    case 'loading':
      return <Loading title={title ? t('ui.question.title', { product: title }) : t('ui.welcome.title')} subject={title} what={phase.what} />;
    case 'error':
      return <ErrorScreen message={phase.message} onExit={() => exit(1, errorText(phase.message))} />;
    case 'welcome': {
      const groups: FoundGroup[] = foundProducts(found, defs).map((g) => {
        const product = defs.find((x) => x.id === g.product);
        const items = g.detections.map((d): FoundItem => {
          const q = product?.questions.find((x) => x.id === d.question);
          return { label: q ? q.text[lang] : d.question, value: answerText(q, d.value, lang), evidence: d.evidence };
        });
        return { title: product ? product.title[lang] : g.product, items };
      });
      const r = resumable;
      const next = r?.plan.steps.find((s) => !r.done.includes(s.id));
      return (
        <Welcome
          root={context.root}
          media={context.media}
          logDir={context.logDir}
          found={groups}
          product={context.product ? (defs.find((d) => d.id === context.product)?.title[lang] ?? context.product) : undefined}
          detectedSome={found.some((g) => g.detections.length > 0)}
          notices={[...(context.notices ?? []), ...(look.notices ?? [])]}
          resume={
            r && {
              product: defs.find((d) => d.id === r.plan.product)?.title[lang] ?? r.plan.product,
              startedAt: r.startedAt,
              doneCount: r.done.length,
              skipped: (r.ended ?? []).filter((e) => e.status === 'skipped' && r.done.includes(e.id)).length,
              total: r.plan.steps.length,
              next: next?.title,
              ...(r.rebootMissing ? { rebootMissing: t('run.resume.rebootMissing', r.rebootMissing) } : {}),
            }
          }
          onContinue={afterWelcome}
          onQuit={() => exit(0, t('ui.welcome.quitForRebootDone', { command: context.againCommand }).split('\n'))}
          onResume={() => {
            if (!r) return;
            const store = new RunStore(r.plan, [], r.ended ?? r.done);
            start(r.plan, store, services.resume(r, store.interaction, control(store)));
          }}
        />
      );
    }
    case 'product':
      return (
        <ProductScreen
          items={defs.map((d) => ({ value: d.id, label: d.title[lang], ...(d.summary ? { summary: d.summary[lang] } : {}) }))}
          initial={likelyProduct(foundProducts(found, defs))}
          onSubmit={(id) => chooseProduct(id)}
        />
      );
    case 'questions': {
      if (!def || !question) return <Loading title={t('ui.question.title', { product: title })} subject={title} what={t('ui.loading.plan')} />;
      const number = askable.filter((q) => q.id in answers && !(q.id in context.preset)).length + 1;
      // Counted as if the questions ahead take their proposals (detected, else default): the total
      // then holds while the operator accepts them, instead of growing with each answer.
      const ahead = services.askableQuestions(def, { ...proposals(def, facts), ...answers });
      const total = Math.max(number, ahead.filter((q) => !(q.id in context.preset)).length);
      return (
        <QuestionScreen
          key={question.id}
          product={title}
          question={question}
          number={number}
          total={total}
          detected={facts?.detected[question.id]}
          initial={question.default}
          earlier={earlier[question.id]}
          validate={(v) => {
            const check = services.validateAnswer(question, v);
            return check.ok ? undefined : check.problem;
          }}
          onAnswer={(v) => {
            const check = services.validateAnswer(question, v);
            const next = { ...answers, [question.id]: check.ok ? check.value : v };
            setAnswers(next);
            setAsked([...asked, question.id]);
            // A detection may need earlier answers (which server this is, from the servers named):
            // looked at again before its question, so that it is proposed, not the first choice.
            const following = services.askableQuestions(def, next).find((q) => !(q.id in next));
            if (following?.detect === undefined) return;
            setPhase({ name: 'loading', what: t('ui.loading.facts') });
            services
              .redetect(def, next)
              .then((found) => {
                setFacts((f) => f && { ...f, detected: Object.fromEntries(found.map((d) => [d.question, d])) });
                setPhase({ name: 'questions' });
              })
              .catch(fail);
          }}
          onBack={asked.length > 0 || !context.product ? back : undefined}
        />
      );
    }
    case 'review':
      return (
        <Suspense fallback={<Loading title={t('ui.question.title', { product: title })} subject={title} what={t('ui.loading.plan')} />}>
        <PlanReview
          plan={phase.plan}
          product={title}
          target={context.root || '/'}
          secrets={secretValues(def, answers)}
          onBack={asked.length > 0 ? back : undefined}
          onStart={() => {
            const store = new RunStore(phase.plan, secretValues(def, answers));
            start(phase.plan, store, services.execute(phase.plan, store.interaction, control(store)));
          }}
        />
        </Suspense>
      );
    case 'run':
      return <RunScreen store={phase.store} plan={phase.plan} product={defs.find((d) => d.id === phase.plan.product)?.title[lang] ?? phase.plan.product} />;
    case 'summary': {
      const { outcome } = phase;
      return <Summary outcome={outcome} againCommand={context.againCommand} onExit={() => exit(outcome.exitCode, summaryText(outcome, context.againCommand))} />;
    }
  }
}

export function App({ size, ...props }: AppProps) {
  return (
    <SizeContext.Provider value={size}>
      <KeyProvider>
        <Flow {...props} />
      </KeyProvider>
    </SizeContext.Provider>
  );
}

/** What each question proposes before it is answered: the detected value, else its default. */
function proposals(def: Definition, facts: Facts | undefined): Answers {
  const out: Answers = {};
  for (const q of def.questions) {
    const value = facts?.detected[q.id]?.value ?? q.default;
    if (value !== undefined) out[q.id] = value;
  }
  return out;
}
