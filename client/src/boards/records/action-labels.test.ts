import { describe, expect, it } from 'vitest';
import { actionLabels } from './action-labels';

describe('the labels of an action', () => {
  it('are first-person only for the action’s owner', () => {
    expect(actionLabels(null).what).toBe('What I will do');
    const others = Object.values(actionLabels('Amira Khan'));
    expect(others.filter((label) => /\bI\b|\bmy\b/i.test(label))).toEqual([]);
    expect(actionLabels('Amira Khan').what).toBe('What Amira Khan will do');
  });
});
