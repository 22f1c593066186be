import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startLocale } from './ui/LanguagePicker';
import './ui/app.css';

// Before the first render: the app's first texts and the map's controls are in the reader's language.
startLocale();
createRoot(document.getElementById('root')!).render(<App />);
