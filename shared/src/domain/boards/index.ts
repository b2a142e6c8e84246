/** Boards: the sections of each collaborative doc, their records, and who may write them. */
export * from './board-records.js';
export * from './board-sections.js';
export * from './write-rules.js';
export * from './presence.js';
