/**
 * Passwords that top the leaked-password lists (常见弱口令), global ones and those typical of Chinese
 * users (pinyin, 520/1314 "我爱你一生一世", keyboard walks, phone-like digit runs). Compared in lower
 * case. Most are also too short for the length rule; they are listed so that the answer says why.
 */
const LIST = `
123456 1234567 12345678 123456789 1234567890 12345678910 0123456789 111111 11111111 000000 00000000
666666 888888 88888888 123123 123123123 123321 654321 987654321 112233 121212 147258 147258369
159357 5201314 520520 1314520 131452000 7758521 7758258 woaini woaini1314 woaini520 woaini123
woaini1314520 woaini5201314 iloveyou iloveyou1 iloveyou123 iloveyou1314 5201314520
a123456 a1234567 a12345678 a123456789 a1234567890 aa123456 aa12345678 aa123456789 abc123 abc1234
abc12345 abc123456 abc1234567 abc12345678 abc123456789 abcd1234 abcd12345 abcd123456 abcd1234567
abcdef123 abcdefg123 abcde12345 123456a 123456abc 1234567a 12345678a 123456789a 1234567890a
123abc 123qwe 123qweasd 123qweasdzxc 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx 1qaz2wsx3edc
1qaz@wsx qaz123 qaz123456 qazwsx qazwsx123 qazwsxedc qazwsxedc123 zaq12wsx zxc123 zxc123456
zxcvbnm zxcvbnm123 zxcvbnm1234 asd123 asd123456 asdf1234 asdfgh asdfgh123 asdfghjkl asdfghjkl123
qwe123 qwe123456 qwer1234 qwert12345 qwerty qwerty1 qwerty12 qwerty123 qwerty1234 qwerty12345
qwerty123456 qwertyuiop qwertyuiop1 qwertyuiop123
password password1 password12 password123 password1234 password12345 password123456 passw0rd
p@ssw0rd p@ssword p@ssw0rd123 pass1234 pass12345 pass123456 passwd123 mima123 mima123456
admin admin123 admin1234 admin888 admin123456 admin@123 root123 root123456 test123 test1234
test123456 welcome1 welcome123 letmein1 monkey123 dragon123 football1 baseball1 sunshine1 princess1
superman1 master123 shadow123 michael1 charlie1 trustno1 hello123 hello123456 nihao123 nihao123456
wang123456 zhang123456 li123456 liu123456 chen123456 yang123456 zhao123456 huang123456 zhou123456
wu123456 xu123456 sun123456 ma123456 zhu123456 hu123456 guo123456 lin123456 he123456 gao123456
qq123456 qq5201314 taobao123 baidu123 aini1314 aini520 wodemima wodemima123 zhongguo zhongguo123
china123 china123456 beijing123 shanghai123 love1314 love520 lovelove520 xiaoming123
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
