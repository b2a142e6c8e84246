import { describe, expect, it } from 'vitest';
import { cleanName, distinctNames, nameKey, nameText } from './names.js';

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const BIDI = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const PersonName = nameText('your name', 100);

describe('[AT-RS8] the name rule', () => {
  it('[AT-RS8] refuses names with no visible letters (only zero-width, bidi, spaces or marks)', () => {
    for (const raw of [
      ZERO_WIDTH.join(''),
      BIDI.join(''),
      ' \u00A0\u3000 ',
      '\u0301\u0301',
      '\u3164\u115F',
      '...',
      '',
    ]) {
      const parsed = PersonName.safeParse(raw);
      expect(parsed.success, JSON.stringify(raw)).toBe(false);
    }
  });

  it('[AT-RS8] strips bidi overrides and zero-width characters, trims and collapses spaces', () => {
    expect(cleanName('  Pat\u202E seno\u202CJ  ')).toBe('Pat senoJ');
    expect(cleanName('A\u200Bd\u200Da\u2066 \t\n Lovelace\uFEFF')).toBe('Ada Lovelace');
    expect(PersonName.parse('\u2067Amira\u2069 Khan')).toBe('Amira Khan');
    // Letters of any script are names.
    expect(PersonName.parse(' Siân Ó Briain ')).toBe('Siân Ó Briain');
    expect(PersonName.parse('محمد')).toBe('محمد');
  });

  it('[AT-RS8] counts the length after cleaning, and refuses long names with a clear message', () => {
    const parsed = PersonName.safeParse('x'.repeat(101));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Your name must be 100 characters or fewer');
    expect(PersonName.parse(`${'x'.repeat(100)}${ZERO_WIDTH.join('')}`)).toHaveLength(100);
  });

  it('[AT-RS8] two people with the same name (even disguised) are shown with their organisation', () => {
    const people = [
      { id: 'a', name: 'Pat Jones', organisation: 'Leeds Teaching Hospitals' },
      { id: 'b', name: 'pat  JONES\u200B', organisation: 'Bradford District Care' },
      { id: 'c', name: 'Ada Lovelace', organisation: 'NHS England' },
    ];
    expect(nameKey(people[0]!.name)).toBe(nameKey(people[1]!.name));
    const shown = distinctNames(people);
    expect(shown.get('a')).toBe('Pat Jones (Leeds Teaching Hospitals)');
    expect(shown.get('b')).toBe('pat JONES (Bradford District Care)');
    expect(shown.get('c')).toBe('Ada Lovelace');
  });
});
