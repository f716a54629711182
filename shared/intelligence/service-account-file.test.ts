import { describe, expect, it } from 'vitest';
import { workbenchThrow as thrown } from '../../test/support/rejection';
import { testKeyPair } from '../../test/support/test-keys';
import { MAX_SERVICE_ACCOUNT_FILE_CHARS, missingServiceAccountFields, parseServiceAccountFile } from './service-account-file';

const DISCOVERY = 'https://idp.intelligence.salesforce.com/us1/.well-known/openid-configuration';

describe('parseServiceAccountFile', () => {
  it('reads the three fields, keeps the key as written and ignores extra fields', () => {
    const key = testKeyPair().pkcs1Pem;
    const text = JSON.stringify({ serviceAccountId: ' svc-7d2e9b1c4a ', discoveryEndpoint: DISCOVERY, privateKey: key, label: { a: [1] } });
    expect(parseServiceAccountFile(`\ufeff${text}`)).toEqual({
      serviceAccountId: 'svc-7d2e9b1c4a',
      discoveryEndpoint: DISCOVERY,
      privateKey: key,
    });
  });

  it('accepts a file with only some fields and names the others', () => {
    const file = parseServiceAccountFile(JSON.stringify({ serviceAccountId: 'svc-1', privateKey: '' }));
    expect(file).toEqual({ serviceAccountId: 'svc-1' });
    expect(missingServiceAccountFields(file)).toEqual(['discoveryEndpoint', 'privateKey']);
  });

  it('ERR_SERVICE_ACCOUNT_FILE_TOO_LARGE past the cap, before parsing', () => {
    const error = thrown(() => parseServiceAccountFile(' '.repeat(MAX_SERVICE_ACCOUNT_FILE_CHARS + 1)));
    expect(error.code).toBe('ERR_SERVICE_ACCOUNT_FILE_TOO_LARGE');
    expect(error.message).toBe(
      'The service-account file is larger than 64 KB: a real one is a few KB. Choose the JSON file Intelligence gave you.',
    );
  });

  it('ERR_SERVICE_ACCOUNT_FILE_JSON for text that is not JSON (a PEM, a cut-off file)', () => {
    for (const text of [testKeyPair().pkcs1Pem, '{"serviceAccountId": "svc-1"', '']) {
      const error = thrown(() => parseServiceAccountFile(text));
      expect(error.code).toBe('ERR_SERVICE_ACCOUNT_FILE_JSON');
      expect(error.message).toMatch(/^The service-account file is not JSON: choose the \.json file/);
    }
  });

  it.each([
    ['[1]', 'The service-account file is JSON an array, not an object.'],
    ['"svc"', 'The service-account file is JSON a string, not an object.'],
    ['null', 'The service-account file is JSON null, not an object.'],
    ['{"serviceAccountId": 42}', 'serviceAccountId is a number in the file, not a string.'],
    ['{"privateKey": {"pem": "x"}}', 'privateKey is an object in the file, not a string.'],
    ['{"discoveryEndpoint": ["https://x"]}', 'discoveryEndpoint is an array in the file, not a string.'],
    [
      '{"serviceAccountId": "a", "serviceAccountId": "b"}',
      'serviceAccountId is given twice in the file: which one is meant is unclear. Keep one.',
    ],
    [
      '{"name": "x"}',
      'The file holds none of serviceAccountId, discoveryEndpoint, privateKey: it is not an Intelligence service-account file.',
    ],
    [
      `{"x": ${'['.repeat(9)}${']'.repeat(9)}}`,
      'The service-account file nests more than 8 levels deep: it is not a service-account file.',
    ],
    ['{"serviceAccountId": "svc\\u001b[31m"}', 'serviceAccountId holds a control character (U+001B at character 4): the file is damaged.'],
    [
      '{"discoveryEndpoint": "https://x/\\u202e"}',
      'discoveryEndpoint holds a control character (U+202E at character 11): the file is damaged.',
    ],
    ['{"serviceAccountId": "svc\\n1"}', 'serviceAccountId holds a control character (U+000A at character 4): the file is damaged.'],
    ['{"privateKey": "-----BEGIN\\u0000"}', 'privateKey holds a control character (U+0000 at character 11): the file is damaged.'],
    [
      `{"serviceAccountId": "${'s'.repeat(513)}"}`,
      'serviceAccountId is 513 characters long, more than the 512 a real one needs: check the file.',
    ],
  ])('ERR_SERVICE_ACCOUNT_FILE_INVALID for %s', (text, message) => {
    const error = thrown(() => parseServiceAccountFile(text));
    expect(error.code).toBe('ERR_SERVICE_ACCOUNT_FILE_INVALID');
    expect(error.message).toBe(message);
    expect(error.hint).toContain('as public Intelligence tooling reads them (Salesforce does not document the file)');
  });

  it('keeps line breaks and literal \\n in the key (the key normalizer reads both)', () => {
    const file = parseServiceAccountFile(
      '{"privateKey": "-----BEGIN RSA PRIVATE KEY-----\\r\\nMIIB\\\\nAAA\\n-----END RSA PRIVATE KEY-----\\n"}',
    );
    expect(file.privateKey).toBe('-----BEGIN RSA PRIVATE KEY-----\r\nMIIB\\nAAA\n-----END RSA PRIVATE KEY-----\n');
  });

  it('reads a hostile nesting of 30,000 levels as too deep, not as a crash', () => {
    const deep = `{"serviceAccountId":"svc","x":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    expect(thrown(() => parseServiceAccountFile(deep)).code).toBe('ERR_SERVICE_ACCOUNT_FILE_INVALID');
  });
});
