import { describe, expect, it } from 'vitest';
import { guardActivity, isLoopback, type GuardPolicy } from '../../src/http/activity-guard.js';
import { message, TENANT, user } from '../support/activities.js';

const local: GuardPolicy = { allowedTenants: [], allowedChannels: [], loopbackServiceUrlOnly: true };
const deployed: GuardPolicy = { allowedTenants: [TENANT], allowedChannels: ['msteams'], loopbackServiceUrlOnly: false };
const teacher = user('teacher', 1);
const ok = (serviceUrl = 'http://127.0.0.1:9/') => message(teacher, 'hoi', serviceUrl);
const without = (key: string) => {
  const a = ok();
  delete a[key];
  return a;
};

describe('guardActivity', () => {
  it('accepts a Teams message in local mode and in deployed mode', () => {
    expect(guardActivity(ok(), local)).toEqual({ ok: true });
    expect(guardActivity(ok('https://smba.trafficmanager.net/emea/'), deployed)).toEqual({ ok: true });
  });

  it.each([
    ['no recipient', without('recipient')],
    ['no channelId', without('channelId')],
    ['value: null', { ...ok(), value: null }],
    ['value: a string', { ...ok(), value: 'x' }],
    ['serviceUrl "http://"', { ...ok(), serviceUrl: 'http://' }],
    ['serviceUrl "ftp://127.0.0.1/"', { ...ok(), serviceUrl: 'ftp://127.0.0.1/' }],
    ['serviceUrl with credentials', { ...ok(), serviceUrl: 'http://a:b@127.0.0.1/' }],
    ['a conversation id with NUL', { ...ok(), conversation: { id: 'a:b\u0000c' } }],
    ['a conversation id with a non-Latin-1 character', { ...ok(), conversation: { id: 'a:\u263a' } }],
    ['a conversation id with a newline', { ...ok(), conversation: { id: 'a:b\r\nX-Evil: 1' } }],
    ['a sender id with é', { ...ok(), from: { id: '29:é' } }],
    ['an invoke without name', { ...ok(), type: 'invoke', value: {} }],
  ])('refuses %s with 400', (_name, activity) => {
    expect(guardActivity(activity, local)).toMatchObject({ ok: false, status: 400 });
  });

  it('in local mode sends replies only to this machine', () => {
    expect(guardActivity(ok('http://attacker.example/'), local)).toMatchObject({ ok: false, status: 400 });
    expect(guardActivity(ok('http://10.0.0.5:3978/'), local)).toMatchObject({ ok: false, status: 400 });
    expect(guardActivity(ok('http://localhost:56150/'), local)).toEqual({ ok: true });
    expect(guardActivity(ok('http://[::1]:56150/'), local)).toEqual({ ok: true });
  });

  it('when deployed takes only the msteams channel (the emulator only when configured)', () => {
    const emulator = { ...ok('https://smba.trafficmanager.net/emea/'), channelId: 'emulator' };
    expect(guardActivity(emulator, deployed)).toMatchObject({ ok: false, status: 400 });
    expect(guardActivity(emulator, { ...deployed, allowedChannels: ['msteams', 'emulator'] })).toEqual({ ok: true });
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '[::1]'].every(isLoopback)).toBe(true);
    expect(['128.0.0.1', '127.0.0.1.nip.io', 'example.org', '0.0.0.0'].some(isLoopback)).toBe(false);
  });
});
