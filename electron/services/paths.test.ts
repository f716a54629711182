import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, PRODUCT_NAME } from './paths';

describe('defaultUserDataDir', () => {
  it('names the folder after the product, as Electron does', () => {
    expect(PRODUCT_NAME).toBe('MC Token Workbench');
  });

  it('Linux: $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x/conf' }, 'linux', '/home/ana')).toBe('/x/conf/MC Token Workbench');
    expect(defaultUserDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/MC Token Workbench');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ana')).toBe('/home/ana/.config/MC Token Workbench');
  });

  it('macOS: ~/Library/Application Support (XDG ignored)', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x' }, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/MC Token Workbench',
    );
  });

  it('Windows: %APPDATA%, else the roaming AppData under the home folder', () => {
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\MC Token Workbench',
    );
    expect(defaultUserDataDir({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\MC Token Workbench');
  });

  it('MCTW_USER_DATA_DIR overrides on every platform; a blank one does not', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultUserDataDir({ MCTW_USER_DATA_DIR: '/tmp/mctw-data', APPDATA: 'C:\\a' }, platform, '/h')).toBe('/tmp/mctw-data');
    }
    expect(defaultUserDataDir({ MCTW_USER_DATA_DIR: ' ' }, 'linux', '/home/ana')).toBe('/home/ana/.config/MC Token Workbench');
  });

  it('defaults to the real environment', () => {
    expect(defaultUserDataDir({ ...process.env, MCTW_USER_DATA_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(typeof defaultUserDataDir()).toBe('string');
  });
});
