/**
 * The application menu: adding receipts through the system's file dialog (files or a folder),
 * exporting to a file, and the usual edit/view/window roles. Developer tools only in development.
 */
import { writeFile } from 'node:fs/promises';
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Handlers } from '../api/handlers';
import type { AppService } from '../api/service';

const IMAGE_FILTER = { name: 'Capturas de comprobantes', extensions: ['png', 'jpg', 'jpeg', 'jfif', 'webp', 'gif', 'tif', 'tiff', 'avif'] };

export function buildMenu(window: () => BrowserWindow | null, service: AppService, handlers: Handlers): Menu {
  const addFrom = async (properties: ('openFile' | 'openDirectory' | 'multiSelections')[]) => {
    const win = window();
    const options = { title: 'Agregar comprobantes', properties, filters: [IMAGE_FILTER] };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (!picked.canceled && picked.filePaths.length > 0) await service.intakePaths(picked.filePaths);
  };
  const exportAs = async (format: 'csv' | 'json') => {
    const out = await handlers['export:run']({ format });
    const win = window();
    const options = { title: 'Exportar', defaultPath: out.fileName, filters: [{ name: format.toUpperCase(), extensions: [format] }] };
    const target = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (!target.canceled && target.filePath) await writeFile(target.filePath, out.text, 'utf8');
  };
  const report = (what: string) => (e: Error) => dialog.showErrorBox(`Recibo: ${what}`, e.message);

  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Archivo',
      submenu: [
        { label: 'Agregar comprobantes…', accelerator: 'CmdOrCtrl+O', click: () => void addFrom(['openFile', 'multiSelections']).catch(report('agregar')) },
        { label: 'Agregar una carpeta…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void addFrom(['openDirectory']).catch(report('agregar')) },
        { type: 'separator' },
        { label: 'Exportar CSV…', accelerator: 'CmdOrCtrl+E', click: () => void exportAs('csv').catch(report('exportar')) },
        { label: 'Exportar JSON…', click: () => void exportAs('json').catch(report('exportar')) },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit', label: 'Salir' },
      ],
    },
    { role: 'editMenu', label: 'Edición' },
    {
      label: 'Ver',
      submenu: [
        { role: 'reload', label: 'Recargar' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Pantalla completa' },
      ],
    },
    { role: 'windowMenu', label: 'Ventana' },
    { role: 'help', label: 'Ayuda', submenu: [{ label: `Recibo ${app.getVersion()}`, enabled: false }] },
  ];
  return Menu.buildFromTemplate(template);
}
