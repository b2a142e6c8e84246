/**
 * Boards: the sections of each collaborative doc, their records, who may write them, and who may
 * change a question.
 */
export * from './board-records.js';
export * from './action-rules.js';
export * from './board-sections.js';
export * from './write-rules.js';
export * from './question-rules.js';
export * from './presence.js';
