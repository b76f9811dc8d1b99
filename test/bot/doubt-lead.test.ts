import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { user } from '../support/activities.js';
import { findAction } from '../support/bot-harness.js';
import { startDiskBot, type DiskBot } from '../support/disk-bot.js';

const teacher = user('twijfelaar', 31);

describe('a doubt typed as free text', () => {
  let disk: DiskBot;
  beforeAll(async () => {
    disk = await startDiskBot('oog', { env: { SELF_LEADER: 'true' } });
  });
  afterAll(async () => disk.dispose());

  it('quotes what the code says first, then offers to ask the leidinggevende', async () => {
    const [card] = await disk.bot.say(teacher, 'ik twijfel of ik een foto van mijn klas op facebook mag zetten');
    const text = card!.text;
    expect(text).toMatch(/Dit staat in de code/);
    expect(text).toMatch(/Bron: Openbaar Onderwijs Groningen/);
    expect(text.indexOf('Bron:')).toBeLessThan(text.indexOf('Vraag mijn leidinggevende'));
    expect(findAction(card!.activity, /Verstuur/)).toBeDefined();
  });

  it('without an answer in the code it still opens the doubt, quoting nothing', async () => {
    const [card] = await disk.bot.say(teacher, 'ik twijfel of ik mijn rooster mag ruilen');
    expect(card!.text).not.toMatch(/Dit staat in de code/);
    expect(card!.text).toMatch(/Vraag mijn leidinggevende/);
  });
});
