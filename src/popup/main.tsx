import { render } from 'preact';
import { App } from './app';
import { startFirstLoad } from './first-load';
import { localizePage } from '../lib/i18n';
import './popup.css';

// Asked first, before anything renders: the answers travel while the page sets itself up.
const first = startFirstLoad(location.search);
localizePage();
render(<App first={first} />, document.getElementById('app') as HTMLElement);
