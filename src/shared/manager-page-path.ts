// Where the full-page manager lives in the build: the toolbar menu (worker) and the popup open it.
export const MANAGER_PAGE_PATH = 'src/ui/manager/index.html';
