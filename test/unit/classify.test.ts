import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/core/intents/classify.js';

describe('classifyMessage', () => {
  it.each([
    ['hoi', 'greeting'],
    ['Goedemorgen!', 'greeting'],
    ['hallo mediawijs', 'greeting'],
    ['bedankt', 'thanks'],
    ['Dank je wel!', 'thanks'],
    ['top, thanks', 'question'],
    ['help', 'help'],
    ['wat kun je?', 'help'],
    ['?', 'help'],
    ['vraag', 'help'],
    ['qwrtzxcv', 'nonsense'],
    ['12345', 'nonsense'],
    ['!!!', 'nonsense'],
    ['', 'empty'],
    ['mag ik een foto van mijn klas op insta zetten?', 'question'],
    ['help, een ouder scheldt me uit op facebook', 'question'],
    ['wie is verantwoordelijk voor wat ik post', 'question'],
  ])('%j is %s', (text, kind) => {
    expect(classifyMessage(text).kind).toBe(kind);
  });

  it.each([
    ['mag ik dit posten?', 'posting'],
    ['Mijn vragen', 'my_doubts'],
    ['openstaande twijfels', 'open_doubts'],
    ['onboarding', 'onboarding'],
    ['onboarding overzicht', 'onboarding_overview'],
    ['mijn gegevens', 'my_data'],
    ['verwijder mijn gegevens', 'delete_my_data'],
  ])('%j is the command %s', (text, command) => {
    expect(classifyMessage(text)).toEqual({ kind: 'command', command });
  });

  it('strips the manifest command word "vraag"', () => {
    expect(classifyMessage('vraag mag ik vloeken op twitter')).toEqual({ kind: 'question', text: 'mag ik vloeken op twitter' });
  });

  it('refuses messages over 4,000 characters', () => {
    expect(classifyMessage('a '.repeat(2500))).toMatchObject({ kind: 'too_long' });
  });
});
