import { describe, expect, it } from 'vitest';
import { checkQuestion } from './advice-check.js';
import { AdviceCheck, type AdviceReasonCode } from './advice-reasons.js';

/**
 * Real questions with the verdict a facilitator would give. Sources: docs/domain.md ("Questions, not
 * advice"); the Revans-based trainingzone.co.uk guide to action learning questions; the
 * double-loop questions of chacoaching.com (after Argyris and Schön); the Fresh Thinking Labs
 * action learning guide; the rest are the disguised advice facilitators hear in NHS sets.
 * `exploring` defaults to `clarifying`: only yes/no questions differ between the two.
 */
interface Row {
  question: string;
  clarifying: AdviceReasonCode[];
  exploring?: AdviceReasonCode[];
}

const good = (question: string): Row => ({ question, clarifying: [] });
const closed = (question: string): Row => ({
  question,
  clarifying: [],
  exploring: ['closed_in_exploring'],
});
const advice = (question: string, ...codes: AdviceReasonCode[]): Row => ({
  question,
  clarifying: codes,
});

const ROWS: Row[] = [
  // Short open questions: never flagged.
  good('What would success look like?'),
  good('What have you tried?'),
  good('What is stopping you?'),
  good('What assumptions are you making?'),
  good('What will you do by the next meeting?'),
  good('How do you feel about it?'),
  good('Who else is affected?'),
  good('How could you tell it had worked?'),
  good('When do you think would be the right time?'),
  good('What were you assuming about them?'),
  good("If you weren't assuming that, what would be different?"),
  good('What do you believe about yourself in this situation?'),
  good('What effect are your beliefs having on your actions?'),
  good('What would you like to change about that?'),
  good('What do you want to happen?'),
  good('What/who might hinder you?'),
  good('Could you say more about what "stuck" means?'),
  good('Tell me more about the rota.'),
  good('Would you like to say more?'),
  good('What’s the worst that could happen?'),
  good('   what   would success   look LIKE ?  '),
  good('What would you need to see to know it had worked?'),
  good('What do you need to decide?'),
  good('So, what matters most to you here?'),
  good('OK. What is in your control?'),
  good('What do you think you should do?'),
  good('Thanks. How will you know it has worked?'),
  good('How many staff are on the ward?'),
  good('When is the deadline?'),
  // Factual yes/no questions: fine while clarifying, closed while exploring.
  closed('Did you tell your manager?'),
  closed('Are you the budget holder?'),
  closed('Is there anyone who could help?'),
  closed('Do you manage the team directly?'),
  closed('Is the post funded?'),
  // "You" as the second word.
  advice('Should you speak to HR first?', 'you_second_word'),
  advice('Could you ask for a secondment?', 'you_second_word'),
  advice('Can you not just say no?', 'you_second_word'),
  advice(
    "Don't you think that would be a bit unwise considering the instability of the euro right now?",
    'you_second_word',
  ),
  advice('shouldn’t you tell the board', 'you_second_word'),
  advice('So, would you go to the chief executive?', 'you_second_word'),
  advice('Do you think you should resign?', 'you_second_word'),
  // docs/domain.md lists "Have you…" even when it sounds factual; the message only says "may".
  advice('Have you got the latest figures?', 'you_second_word'),
  // Suggestions phrased as questions.
  advice('Have you thought about asking your deputy to chair?', 'have_you_thought'),
  advice('Have you ever considered mediation?', 'have_you_thought'),
  advice('Have you tried talking to her directly?', 'have_you_tried'),
  advice("Why don't you delegate the rota?", 'why_dont_you'),
  advice('Why not just escalate it?', 'why_dont_you'),
  advice('Wouldn’t it be better to wait until after the merger?', 'wouldnt_it_be_better'),
  advice('Would it be easier to start with one ward?', 'wouldnt_it_be_better'),
  advice('What if you asked the board for more time?', 'what_if_you'),
  advice('How about a staff survey?', 'what_if_you'),
  advice('I wonder whether you could pilot it on one ward?', 'what_if_you'),
  // Reasons, judgement and statements.
  {
    question: "Is it because the team doesn't trust you?",
    clarifying: ['because'],
    exploring: ['because', 'closed_in_exploring'],
  },
  advice('Given that the budget is fixed, what can you change?', 'because'),
  {
    question: 'It sounds like the real problem is your manager. Is that right?',
    clarifying: ['judgement', 'preamble'],
    exploring: ['judgement', 'preamble', 'closed_in_exploring'],
  },
  advice('Surely the board has to fund it?', 'judgement'),
  advice('Obviously the rota is the issue, so what will you change?', 'judgement'),
  advice("If I were you, I'd go straight to the chief executive?", 'judgement'),
  advice(
    'In my experience staff respond well to a survey. What do you think?',
    'judgement',
    'preamble',
  ),
  advice("Why didn't you tell her sooner?", 'judgement'),
  advice('You should talk to HR.', 'not_a_question', 'judgement'),
  advice('We tried this at my trust and it worked.', 'not_a_question'),
  advice('Your team has had three managers in two years. What is that like for them?', 'preamble'),
  // Stacked and long.
  advice('What have you tried? What happened?', 'stacked'),
  advice('What is stopping you, and how long has it been like this?', 'stacked'),
  {
    question: 'Is it the budget, the staffing or the culture or something else?',
    clarifying: ['stacked'],
    exploring: ['stacked', 'closed_in_exploring'],
  },
  advice(
    'When you think about everything that has happened since the merger and all the pressure ' +
      'from the board and your team, what do you think is really going on for you?',
    'too_long',
  ),
  advice(
    'Have you thought about whether you are the right person, because the team seem to look ' +
      'to your deputy?',
    'have_you_thought',
    'because',
  ),
];

const codesOf = (check: AdviceCheck) => check.reasons.map((reason) => reason.code);

describe('[AT-D4] the disguised-advice check', () => {
  it('[AT-D4] has a table of at least 40 real questions, good and disguised advice', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect(ROWS.filter((row) => row.clarifying.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(ROWS.filter((row) => row.clarifying.length > 0).length).toBeGreaterThanOrEqual(20);
  });

  it.each(ROWS)('[AT-D4] clarifying: $question → $clarifying', ({ question, clarifying }) => {
    const check = checkQuestion(question, { stage: 'clarifying' });
    expect(codesOf(check)).toEqual(clarifying);
    expect(check.flagged).toBe(clarifying.length > 0);
  });

  it.each(ROWS)('[AT-D4] exploring: $question', ({ question, clarifying, exploring }) => {
    const check = checkQuestion(question, { stage: 'exploring' });
    expect(codesOf(check)).toEqual(exploring ?? clarifying);
    expect(check.flagged).toBe((exploring ?? clarifying).length > 0);
  });

  it('[AT-D4] does not flag an empty or blank draft', () => {
    for (const text of ['', '   ', '\n\t']) {
      expect(checkQuestion(text, { stage: 'exploring' })).toEqual({ flagged: false, reasons: [] });
    }
  });

  it('[AT-D4] flags yes/no questions only while exploring', () => {
    for (const stage of [null, 'clarifying', 'action_planning'] as const) {
      expect(checkQuestion('Did you tell your manager?', { stage }).flagged).toBe(false);
    }
  });

  it('[AT-D4] does not ask for a question where members speak in statements', () => {
    const check = checkQuestion('I noticed energy when you spoke about the ward.', {
      stage: 'reflecting_back',
    });
    expect(check).toEqual({ flagged: false, reasons: [] });
  });

  it('[AT-D4] words each reason kindly, quoting what the member typed', () => {
    const check = checkQuestion('should you tell the board?', { stage: 'exploring' });
    expect(AdviceCheck.parse(check)).toEqual(check);
    expect(check.reasons[0]?.message).toBe(
      "This may be advice in disguise: questions starting 'Should you…' suggest an answer. " +
        "Try 'What…' or 'How…'.",
    );
    const judged = checkQuestion("If i were you, I'd ask HR?", { stage: 'clarifying' });
    expect(judged.reasons[0]?.message).toContain("'If I were you'");
    for (const row of ROWS) {
      for (const reason of checkQuestion(row.question, { stage: 'exploring' }).reasons) {
        expect(reason.message.length).toBeGreaterThan(0);
        expect(reason.suggestion.length).toBeGreaterThan(0);
      }
    }
  });
});
