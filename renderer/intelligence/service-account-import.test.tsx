import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SaveProfileRequest } from '../../shared/ipc/ipc-contract';
import { MAX_SERVICE_ACCOUNT_FILE_CHARS } from '../../shared/intelligence/service-account-file';
import { normalizePrivateKeyPem } from '../../shared/keys/normalize-private-key';
import { createFakeBridge, makeProfile } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render-with-bridge';
import { testKeyPair } from '../test-support/sample-tokens';
import { CredentialsForm } from './credentials-form';

const DISCOVERY = 'https://idp.intelligence.salesforce.com/eu1/.well-known/openid-configuration';
const keys = testKeyPair();
const serviceAccount = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ serviceAccountId: 'svc-file-42', discoveryEndpoint: DISCOVERY, privateKey: keys.pkcs1Pem, extra: [1, 2], ...fields });
const jsonFile = (text: string, name = 'service-account.json') => new File([text], name, { type: 'application/json' });

function renderForm(fake = createFakeBridge()) {
  renderWithBridge(<CredentialsForm profile={null} onSaved={vi.fn()} onRun={() => undefined} running={false} />, fake.bridge);
  return fake;
}

const status = () => screen.getByTestId('service-account-import-status');

describe('CredentialsForm: the service-account file', () => {
  it('fills client id, discovery URL and key from a chosen file; Save sends the key once and clears it', async () => {
    const saved = makeProfile({ id: 'p-file', clientId: 'svc-file-42', region: null, discoveryUrl: DISCOVERY });
    const fake = renderForm(createFakeBridge({ 'profiles:save': () => ({ ok: true, value: saved }) }));
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Service-account file'), jsonFile(serviceAccount()));
    await waitFor(() => expect(screen.getByLabelText('Client id (service account id)')).toHaveValue('svc-file-42'));
    expect(screen.getByLabelText('Region')).toHaveValue('custom');
    expect(screen.getByLabelText('Discovery URL')).toHaveValue(DISCOVERY);
    expect(screen.getByLabelText('Private key')).toHaveValue(keys.pkcs1Pem);
    expect(status()).toHaveTextContent(
      'Filled from service-account.json: client id, discovery URL, private key. Save puts the key in the OS keychain.',
    );
    await user.click(screen.getByLabelText('Profile name'));
    await user.paste('From the file');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(fake.callsTo('profiles:save')).toHaveLength(1));
    expect(fake.callsTo('profiles:save')[0] as SaveProfileRequest).toEqual({
      name: 'From the file',
      product: 'intelligence',
      clientId: 'svc-file-42',
      region: null,
      discoveryUrl: DISCOVERY,
      tokenRequestStyle: 'form',
      privateKeyPem: normalizePrivateKeyPem(keys.pkcs1Pem).pem,
    });
    await waitFor(() => expect(screen.getByLabelText('Private key')).toHaveValue(''));
  });

  it('reads JSON pasted into the key box as the file, and names what it lacked', async () => {
    renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Private key'));
    await user.paste(JSON.stringify({ serviceAccountId: 'svc-paste-1', privateKey: keys.pkcs8Pem }));
    expect(screen.getByLabelText('Client id (service account id)')).toHaveValue('svc-paste-1');
    expect(screen.getByLabelText('Private key')).toHaveValue(keys.pkcs8Pem);
    expect(screen.getByLabelText('Region')).toHaveValue('us1');
    expect(status()).toHaveTextContent(
      'Filled from the pasted JSON: client id, private key. Not in the file: discovery URL; fill the rest in below.',
    );
  });

  it('imports a file dropped on the form, and a JSON file dropped on the key box', async () => {
    renderForm();
    fireEvent.drop(screen.getByRole('form', { name: 'Intelligence credentials' }), {
      dataTransfer: { files: [jsonFile(serviceAccount({ serviceAccountId: 'svc-drop-form' }))], types: ['Files'] },
    });
    await waitFor(() => expect(screen.getByLabelText('Client id (service account id)')).toHaveValue('svc-drop-form'));
    fireEvent.drop(screen.getByLabelText('Private key'), {
      dataTransfer: { files: [jsonFile(serviceAccount({ serviceAccountId: 'svc-drop-key' }), 'sa.json')], types: ['Files'] },
    });
    await waitFor(() => expect(screen.getByLabelText('Client id (service account id)')).toHaveValue('svc-drop-key'));
    expect(screen.getByLabelText('Private key')).toHaveValue(keys.pkcs1Pem);
    expect(status()).toHaveTextContent('Filled from sa.json');
  });

  it.each([
    ['not JSON', jsonFile('-----BEGIN RSA PRIVATE KEY-----'), 'ERR_SERVICE_ACCOUNT_FILE_JSON', 'The service-account file is not JSON'],
    [
      'a wrong type',
      jsonFile(serviceAccount({ privateKey: 7 })),
      'ERR_SERVICE_ACCOUNT_FILE_INVALID',
      'privateKey is a number in the file, not a string.',
    ],
    [
      'too large',
      jsonFile(' '.repeat(MAX_SERVICE_ACCOUNT_FILE_CHARS + 1)),
      'ERR_SERVICE_ACCOUNT_FILE_TOO_LARGE',
      'The service-account file is larger than 64 KB',
    ],
    ['none of the fields', jsonFile('{"type":"service_account"}'), 'ERR_SERVICE_ACCOUNT_FILE_INVALID', 'The file holds none of'],
  ])('shows a coded error for a file that is %s, and changes nothing', async (_, file, code, message) => {
    renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Client id (service account id)'));
    await user.paste('typed-id');
    await user.upload(screen.getByLabelText('Service-account file'), file);
    await waitFor(() => expect(status()).toHaveTextContent(code));
    expect(status()).toHaveTextContent(message);
    expect(screen.getByLabelText('Client id (service account id)')).toHaveValue('typed-id');
    expect(screen.getByLabelText('Private key')).toHaveValue('');
  });

  it('says where the field names come from', () => {
    renderForm();
    expect(screen.getByRole('button', { name: 'Import service-account file…' })).toHaveAccessibleDescription(
      expect.stringContaining("Those names are seen in public Intelligence tooling, not in Salesforce's docs"),
    );
  });
});
