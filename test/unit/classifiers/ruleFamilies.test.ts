// Unit tests of each rule family in each language, and of negations, idioms and talk about the topic (src/classifiers/rules/*.ts through classifyText).
import { describe, expect, it } from 'vitest';
import { classifyText } from '../../../src/classifiers/classifyText.js';
import type { SignalCategory } from '../../../src/classifiers/types.js';
import { named } from '../../support/named.js';

interface Row {
  name: string;
  lang: string;
  text: string;
  category: SignalCategory;
}

const row = (lang: string, category: SignalCategory, text: string): Row => ({ name: `${lang} ${category}: "${text}"`, lang, text, category });

const families: Row[] = [
  row('en', 'physical-harm', "I'm going to find you and stab you"),
  row('en', 'self-harm', 'I am going to end my life tonight'),
  row('en', 'public-harm', 'I will bring a gun to the school and shoot everyone'),
  row('en', 'doxing', 'He posted my home address on his user page'),
  row('en', 'sexual-harassment', 'He keeps asking me to send nudes'),
  row('en', 'hate', 'Refugees are rats and should be deported'),
  row('en', 'intimidation', 'go kill yourself'),
  row('pt', 'physical-harm', 'Vou te matar quando te encontrar'),
  row('pt', 'self-harm', 'Vou me matar, não aguento mais'),
  row('pt', 'public-harm', 'Coloquei uma bomba na escola'),
  row('pt', 'doxing', 'Ele divulgou meu endereço e meu telefone'),
  row('pt', 'sexual-harassment', 'Ele me pediu nudes de novo'),
  row('pt', 'hate', 'Os imigrantes são uma praga'),
  row('es', 'physical-harm', 'Te voy a apuñalar'),
  row('es', 'self-harm', 'Quiero suicidarme'),
  row('es', 'public-harm', 'Voy a poner una bomba en el metro'),
  row('es', 'doxing', 'Publicó mi dirección y mi teléfono'),
  row('es', 'sexual-harassment', 'Me pide fotos desnuda todo el tiempo'),
  row('es', 'hate', 'Los gitanos son una plaga'),
  row('fr', 'physical-harm', 'Je vais te tuer'),
  row('fr', 'self-harm', 'Je vais me suicider'),
  row('fr', 'public-harm', 'Je vais faire sauter la gare'),
  row('fr', 'doxing', 'Il a publié mon adresse'),
  row('fr', 'sexual-harassment', 'Il me demande des photos nue'),
  row('fr', 'hate', 'Les migrants sont des parasites'),
  row('de', 'physical-harm', 'Ich werde dich umbringen'),
  row('de', 'self-harm', 'Ich bringe mich um'),
  row('de', 'public-harm', 'Ich sprenge den Bahnhof in die Luft'),
  row('de', 'doxing', 'Er hat meine Handynummer veröffentlicht'),
  row('de', 'sexual-harassment', 'Er will ständig Nacktbilder von mir'),
  row('de', 'hate', 'Flüchtlinge sind Parasiten'),
  row('id', 'physical-harm', 'Aku akan membunuhmu'),
  row('id', 'self-harm', 'Aku mau bunuh diri'),
  row('id', 'public-harm', 'Aku akan mengebom gereja itu'),
  row('id', 'doxing', 'Dia menyebarkan alamat rumah saya'),
  row('id', 'sexual-harassment', 'Dia minta foto bugil saya'),
  row('id', 'hate', 'Orang Yahudi itu babi'),
  row('ko', 'physical-harm', '너 죽여버릴 거야'),
  row('ko', 'self-harm', '나 자살할 거야'),
  row('ko', 'public-harm', '학교를 폭파할 거야'),
  row('ko', 'doxing', '그 사람이 제 주소를 올렸어요'),
  row('ko', 'sexual-harassment', '알몸 사진을 보내 달래요'),
  row('ko', 'hate', '난민들은 기생충이야'),
  row('uk', 'physical-harm', "Я тебе вб'ю"),
  row('uk', 'self-harm', 'Я покінчу з собою'),
  row('uk', 'public-harm', 'Я підірву вокзал'),
  row('uk', 'doxing', 'Він оприлюднив мою адресу'),
  row('uk', 'sexual-harassment', 'Він вимагає надіслати оголені фото'),
  row('uk', 'hate', 'Мігранти — паразити'),
];

describe('rule families', () => {
  it.each(named(families))('when the text is %s, then a signal of that family is found', (_, { lang, text, category }) => {
    const v = classifyText(text, lang);
    expect(v.signals.map((s) => s.category)).toContain(category);
    expect(v.signals.every((s) => s.language === lang)).toBe(true);
  });
});

const quiet = (lang: string, note: string, text: string) => ({ name: `${lang} ${note}: "${text}"`, lang, text });

const negativeRows = [
  quiet('en', 'negation', 'I will never hurt you'),
  quiet('en', 'negation', "I'm not going to kill myself, don't worry"),
  quiet('en', 'idiom', 'I could kill for a coffee'),
  quiet('en', 'technical', 'kill the process and restart it'),
  quiet('en', 'idiom', 'this joke killed me'),
  quiet('en', 'topic', 'The article about suicide prevention needs sources'),
  quiet('en', 'fiction', 'In the film the villain says "I will kill you all"'),
  quiet('pt', 'negation', 'Eu nunca vou te machucar'),
  quiet('pt', 'idiom', 'Estou morrendo de fome'),
  quiet('pt', 'idiom', 'Minha mãe vai me matar se eu chegar tarde'),
  quiet('es', 'negation', 'No te voy a hacer daño'),
  quiet('es', 'idiom', 'Me muero de risa'),
  quiet('fr', 'negation', 'Je ne vais pas te tuer'),
  quiet('fr', 'idiom', 'Je meurs de faim'),
  quiet('de', 'negation', 'Ich werde dich nicht töten'),
  quiet('de', 'idiom', 'Ich lach mich tot'),
  quiet('id', 'negation', 'Aku tidak akan membunuhmu'),
  quiet('id', 'idiom', 'Aku mati ketawa'),
  quiet('ko', 'negation', '너를 죽이지 않을 거야'),
  quiet('ko', 'idiom', '배고파 죽겠다'),
  quiet('uk', 'negation', "Я тебе не вб'ю"),
  quiet('uk', 'idiom', 'Я помираю з голоду'),
];

describe('negations, idioms and talk about the topic', () => {
  it.each(named(negativeRows))('when the text is %s, then it is not an emergency', (_, { lang, text }) => {
    expect(classifyText(text, lang).emergency).toBe(false);
  });
});

describe('quoted speech', () => {
  it('when a reporter quotes a threat they received, then it is a signal', () => {
    expect(classifyText('He wrote "I will kill you" under my edit', 'en').emergency).toBe(true);
  });

  it('when a threat is quoted from a film, then it is not', () => {
    expect(classifyText('The famous movie line "I will kill you" is overused', 'en').emergency).toBe(false);
  });

  it('when a threat is quoted as an example in a discussion of the policy, then it is not', () => {
    expect(classifyText('If someone writes "I will kill you", the policy says to email Trust and Safety', 'en').emergency).toBe(false);
  });
});

describe('laughter after a threat', () => {
  // Laughter collapses to one letter (kkkk to k, خخخ to خ, 哈哈 to 哈): a prefix of that letter took every word after it.
  it.each([
    ['pt', 'Vou te matar kkkkkk'],
    ['fa', 'میکشمت خخخخخ'],
    ['zh', '我要杀了你哈哈哈哈'],
  ])('when a %s joke threat ends in laughter ("%s"), then it is not an emergency', (lang, text) => {
    expect(classifyText(text, lang).emergency).toBe(false);
  });

  it.each([
    ['pt', 'Vou te matar quando te encontrar, Karina'],
    ['fa', 'میکشمت، خونه‌ت رو بلدم'],
    ['zh', '我要杀了你，哈尔滨见'],
  ])('when a %s threat is followed by a word that starts like laughter ("%s"), then it is still an emergency', (lang, text) => {
    expect(classifyText(text, lang).emergency).toBe(true);
  });
});

describe('a face that says it is a joke, in any language', () => {
  it.each([
    ['es', 'Como vuelvas a cambiar la tortilla te voy a buscar y te cocino a ti 🔪😂'],
    ['en', 'lol ur so dead when mum sees the kitchen 😂'],
    ['de', 'Ich bring dich um 🤣 bis Donnerstag beim Stammtisch'],
  ])('when a %s threat to a person is followed by one ("%s"), then it is not an emergency', (lang, text) => {
    expect(classifyText(text, lang).emergency).toBe(false);
  });

  it.each([
    ['a threat to oneself, behind a face', 'en', 'i am going to kill myself tonight 😂'],
    ['a threat to oneself, behind an upside-down face', 'es', 'Como me toque otra vez arreglar las referencias me pego un tiro 🙃'],
    ['a victim\'s nervous face', 'en', 'My ex says he will kill me if I leave 😅'],
    ['a threat to the public', 'en', 'I will bomb the school tomorrow 😂'],
    ['a face in the next sentence', 'en', 'I will kill you. The new logo is great 😂'],
  ])('when the text is %s ("%s"), then it is still an emergency', (_, lang, text) => {
    expect(classifyText(text, lang).emergency).toBe(true);
  });
});
