import { describe, expect, it } from 'vitest';
import { decodeToken } from '../decode/decode-token';
import { encodeToken } from '../decode/encode-token';
import { COMPOSE_TEMPLATES, composeTemplate } from './compose-templates';
import { canEditAndResign, draftOfDecoded, templateDraft } from './compose-draft';
import { prepareToken } from './prepare-token';
import { sendBodyOf, sendStyleOfKind } from './send-body';

describe('templates', () => {
  it.each(COMPOSE_TEMPLATES.map((t) => [t.id]))('%s prepares as it stands', (id) => {
    const draft = templateDraft(composeTemplate(id).id);
    const prepared = prepareToken(draft, 1_800_000_000);
    expect(prepared.header.alg).toBe('HS256');
    expect(Object.hasOwn(prepared.payload, 'exp')).toBe(draft.expiresIn !== '');
  });

  it('the activity template carries the recorded execute fields and no exp or iat', () => {
    const { payload } = composeTemplate('activity-execute');
    expect(Object.keys(payload)).toEqual([
      'inArguments',
      'outArguments',
      'activityObjectID',
      'journeyId',
      'activityId',
      'definitionInstanceId',
      'activityInstanceId',
      'keyValue',
      'mode',
    ]);
  });

  it('an unknown template is named with the ones there are', () => {
    expect(() => composeTemplate('sso-v1')).toThrow('There is no template "sso-v1": use one of activity-execute, sso-v2, jwt.');
  });
});

describe('draftOfDecoded (edit and re-sign)', () => {
  it('keeps the header and payload as decoded and picks the activity template by its fields', () => {
    const payload = { ...composeTemplate('activity-execute').payload, exp: 1_900_000_000 };
    const draft = draftOfDecoded(decodeToken(encodeToken({ alg: 'HS256', typ: 'JWT', kid: 'k1' }, payload, new Uint8Array(32))));
    expect(draft).toMatchObject({ templateId: 'activity-execute', alg: 'HS256', expiresIn: '', sendStyle: 'activity' });
    expect(JSON.parse(draft?.payload ?? '')).toEqual(payload);
    expect(JSON.parse(draft?.header ?? '')).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
  });

  it('an SSO JWT is sent as the form post; an alg none token becomes HS256', () => {
    const sso = decodeToken(encodeToken({ alg: 'HS256' }, composeTemplate('sso-v2').payload, new Uint8Array(32)));
    expect(draftOfDecoded(sso)).toMatchObject({ templateId: 'sso-v2', sendStyle: 'sso-form' });
    const unsigned = draftOfDecoded(decodeToken(encodeToken({ alg: 'none' }, { sub: 'x' })));
    expect(unsigned).toMatchObject({ templateId: 'jwt', alg: 'HS256' });
    expect(JSON.parse(unsigned?.header ?? '')).toEqual({ alg: 'HS256' });
  });

  it('a four-segment access token and a text payload are not offered', () => {
    const jws = encodeToken(
      { alg: 'HS256', kid: '4', ver: '1', typ: 'JWT' },
      { access_token: 'a', client_id: 'c', eid: 1, stack_key: 'S7' },
    );
    expect(canEditAndResign(decodeToken(`${jws}.opaque`))).toBe(false);
    expect(draftOfDecoded(decodeToken('eyJhbGciOiJIUzI1NiJ9.aGVsbG8.c2ln'))).toBeNull();
  });
});

describe('sendBodyOf', () => {
  it('an activity call is the JWT alone as application/jwt; the SSO login is the form field jwt', () => {
    expect(sendBodyOf('a.b.c', 'activity')).toEqual({ contentType: 'application/jwt', body: 'a.b.c' });
    expect(sendBodyOf('a.b+c', 'sso-form')).toEqual({ contentType: 'application/x-www-form-urlencoded', body: 'jwt=a.b%2Bc' });
    expect([sendStyleOfKind('engagement-sso-v2'), sendStyleOfKind('engagement-sso-v1'), sendStyleOfKind('generic')]).toEqual([
      'sso-form',
      'sso-form',
      'activity',
    ]);
  });
});
