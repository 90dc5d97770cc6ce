import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './ConsoleApp';
import '../../../renderer/src/styles.css';
import './console.css';

const root = document.getElementById('root');
if (root) {
  document.body.classList.add('is-console');
  createRoot(root).render(
    <StrictMode>
      <ConsoleApp />
    </StrictMode>,
  );
}
