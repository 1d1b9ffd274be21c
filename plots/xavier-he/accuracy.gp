# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), text above,
# mean test accuracy (%, ? without a test set), spread text.
$accuracy << EOD
pytorch 85.753 0.441 "85.75%" 84.647 "± 0.44"
keras 86.414 0.222 "86.41%" 85.200 "± 0.22"
xavier-uniform 86.078 0.039 "86.08%" 85.017 "± 0.04"
xavier-normal 85.889 0.398 "85.89%" 84.710 "± 0.40"
he-uniform 86.106 0.190 "86.11%" 84.910 "± 0.19"
he-normal 86.269 0.353 "86.27%" 85.127 "± 0.35"
lecun-uniform 85.919 0.221 "85.92%" 84.943 "± 0.22"
lecun-normal 86.275 0.500 "86.28%" 85.230 "± 0.50"
EOD
reset
set terminal pngcairo size 960,632 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'accuracy.png'
set title 'Xavier, He and LeCun against the frameworks'."'".' defaults (the lesson'."'".'s ReLU network, 3 seeds): validation'."\n".'accuracy (mean ± 1 standard deviation over 3 seeds, the axis zoomed to the data; diamonds: test accuracy)'
set ylabel 'Accuracy (%)'
set yrange [84.43378474582967:87.41413163754754]
set xrange [-0.6:7.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics scale 0 ('PyTorch'."\n".'default' 0, 'Keras'."\n".'default'."\n".'(Glorot'."\n".'uniform)' 1, 'Xavier'."\n".'uniform' 2, 'Xavier'."\n".'normal' 3, 'He uniform' 4, 'He normal' 5, 'LeCun'."\n".'uniform' 6, 'LeCun normal' 7)
set bmargin 9
set datafile missing '?'
set key outside below center horizontal height 1
plot $accuracy using 0:(strcol(4) eq '' ? NaN : $2):3 with yerrorbars pointtype 7 pointsize 1.4 linecolor rgb '#0072B2' linewidth 1.5 title 'validation accuracy', \
     $accuracy using 0:(strcol(4) eq '' ? NaN : $2 + $3):4 with labels offset 0,0.9 font ',9' notitle, \
     $accuracy using ($0 + 0.2):5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'
