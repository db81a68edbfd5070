import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { AppProviders } from './app-providers.js';
import { router } from './routes.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('页面缺少 #root 元素');
createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
