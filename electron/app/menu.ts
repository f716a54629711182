import { Menu, app, shell, type MenuItemConstructorOptions } from 'electron';

const HELP_LINKS = [
  {
    label: 'Intelligence: Generate a JSON Web Token',
    url: 'https://help.salesforce.com/s/articleView?id=mktg.dato_getstarted_token_api_jwt.htm&type=5',
  },
];

/** The application menu: standard roles (the Edit menu makes copy and paste work on macOS), developer tools only when not packaged. */
export function installAppMenu(): void {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(app.isPackaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: HELP_LINKS.map(({ label, url }) => ({ label, click: () => void shell.openExternal(url) })) },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
