import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api';
import { ClerkApp } from './clerk/ClerkApp';
import { DisplayApp } from './display/DisplayApp';
import './styles.css';

const isDisplay = location.pathname.replace(/\/+$/, '').endsWith('/display') || location.hash === '#display';
const root = document.getElementById('root');
if (root) {
  document.body.classList.add(isDisplay ? 'is-display' : 'is-clerk');
  document.title = isDisplay ? '窗口公示屏' : '窗口工作台';
  createRoot(root).render(
    <StrictMode>{isDisplay ? <DisplayApp api={createApi('display')} /> : <ClerkApp api={createApi('clerk')} />}</StrictMode>,
  );
}
