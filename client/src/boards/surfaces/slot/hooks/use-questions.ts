import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type QuestionEntry, readQuestions } from '../lib/questions';

const NONE: QuestionEntry[] = [];
const noSubscription = (): (() => void) => () => {};
const nothing = (): QuestionEntry[] => NONE;

/** An external store over the board's `questions` map, rebuilt only when the map changes. */
function createQuestionsStore(questions: Y.Map<unknown>) {
  let entries = readQuestions(questions);
  return {
    subscribe(listener: () => void): () => void {
      const onChange = (): void => {
        entries = readQuestions(questions);
        listener();
      };
      questions.observeDeep(onChange);
      return () => questions.unobserveDeep(onChange);
    },
    getSnapshot: (): QuestionEntry[] => entries,
  };
}

/** The slot's questions, live, oldest first. */
export function useQuestions(doc: Y.Doc | null): QuestionEntry[] {
  const store = useMemo(
    () => (doc ? createQuestionsStore(doc.getMap<unknown>('questions')) : null),
    [doc],
  );
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? nothing);
}
