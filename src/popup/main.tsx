import { render } from 'preact';
import { App } from './app';
import { localizePage } from '../lib/i18n';
import './popup.css';

localizePage();
render(<App />, document.getElementById('app') as HTMLElement);
