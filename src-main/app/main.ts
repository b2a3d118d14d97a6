/**
 * Recibo's Electron entry: one window, one core. Thin on purpose: the core (AppService and the
 * contract's handlers) is the same code the browser host and the tests run in plain Node; this
 * file only wires it to Electron (protocols, one IPC handler, the OCR worker as a utility
 * process, the menu, notifications) under the security rules of window.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification } from 'electron';
import { createHandlers } from '../api/handlers';
import { onQueueDrained } from '../api/queue-drain';
import { AppService } from '../api/service';
import { DamagedDatabaseError, useSqliteBinding } from '../db/open';
import { offerRestore } from './damaged-database';
import { appRoot, dataDir, defaultModelsDir, workerScript } from '../paths';
import { forwardEvents, registerInvokeHandler } from './ipc-main';
import { buildMenu } from './menu';
import { forkUtilityWorker } from './ocr-utility-process';
import { handleProtocols, registerPrivilegedSchemes } from './protocols';
import { createMainWindow, lockDownWebContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Packaged: models and the Electron build of better-sqlite3 are in resources/; in development, in the project. */
const resources = () => (app.isPackaged ? process.resourcesPath : appRoot());
const modelsDir = () => (app.isPackaged ? path.join(process.resourcesPath, 'models') : defaultModelsDir());
const sqliteBinding = () => (app.isPackaged ? path.join(resources(), 'native', 'better_sqlite3.node') : path.join(appRoot(), 'build', 'electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));

registerPrivilegedSchemes();

if (!app.requestSingleInstanceLock()) {
  // Another Recibo holds the data folder: it is brought to the front (second-instance) and this one ends.
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let service: AppService | null = null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.whenReady().then(async () => {
    lockDownWebContents();
    const binding = sqliteBinding();
    if (!existsSync(binding)) throw new Error(`The database library built for Electron is missing (${binding}). Start Recibo with "npm start", which builds it.`);
    useSqliteBinding(binding);
    // The watched folder comes from the system's own picker, never from a path the page sends.
    const pickFolder = async () => {
      const options = { title: 'Carpeta vigilada', properties: ['openDirectory', 'createDirectory'] } satisfies Electron.OpenDialogOptions;
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    };
    const start = () => new AppService({ dataDir: dataDir(), modelsDir: modelsDir(), launch: (launch) => forkUtilityWorker(workerScript(), launch), pickFolder });
    try {
      service = start();
    } catch (e) {
      // A damaged history is never replaced silently: the operator is offered the last good backup.
      if (!(e instanceof DamagedDatabaseError)) throw e;
      if (!(await offerRestore(dialog, dataDir(), e))) return app.exit(1);
      service = start();
    }
    const handlers = createHandlers(service);
    handleProtocols(path.join(appRoot(), 'dist', 'renderer'), service.core);
    registerInvokeHandler(ipcMain, handlers);
    Menu.setApplicationMenu(buildMenu(() => win, service, handlers));

    const open = () => {
      win = createMainWindow(path.join(here, 'preload.cjs'));
      const stopForwarding = forwardEvents(service!, win.webContents);
      win.on('closed', () => {
        stopForwarding();
        win = null;
      });
    };
    open();
    app.on('activate', () => {
      if (!win) open();
    });

    // A long batch ends while the operator does something else: say so, once per batch.
    onQueueDrained(service, ({ done, failed }) => {
      if (!Notification.isSupported() || win?.isFocused()) return;
      const body = failed > 0 ? `${done} leídos, ${failed} con error` : `${done} comprobantes leídos`;
      new Notification({ title: 'Recibo: lote terminado', body }).show();
    });
  }).catch((e: Error) => {
    dialog.showErrorBox('Recibo no pudo iniciar', e.message);
    app.exit(1);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Receipts being read are finished and the database closed before the process ends.
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !service) return;
    closing = true;
    event.preventDefault();
    void service.close().finally(() => app.quit());
  });
}
