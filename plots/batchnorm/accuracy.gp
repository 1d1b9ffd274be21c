# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), text above,
# mean test accuracy (%, ? without a test set), spread text.
$accuracy << EOD
normal-1 0.000 0.000 "" ? ""
normal-1-bn 76.915 0.616 "76.92%" 76.378 "± 0.62"
normal-0.01 9.812 0.131 "9.81%" 10.000 "± 0.13"
normal-0.01-bn 86.547 0.423 "86.55%" 85.602 "± 0.42"
ones 9.812 0.131 "9.81%" 10.000 "± 0.13"
ones-bn 13.417 1.095 "13.42%" 13.352 "± 1.10"
kaiming 85.482 0.375 "85.48%" 84.724 "± 0.38"
kaiming-bn 87.147 0.615 "87.15%" 86.050 "± 0.62"
default 73.148 3.000 "73.15%" 72.704 "± 3.00"
default-bn 86.517 0.705 "86.52%" 85.754 "± 0.71"
EOD
reset
set terminal pngcairo size 960,616 noenhanced font 'sans,11'
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
set title 'Does the initialization still matter with batch normalization? A 6-hidden-layer'."\n".'ReLU network with and without it: validation accuracy (mean ± 1 standard'."\n".'deviation over 5 seeds, as error bars and in numbers; diamonds: test accuracy)'
set ylabel 'Accuracy (%)'
set yrange [0:105]
set xrange [-0.6:9.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics scale 0 ('N(0, 1)' 0, 'N(0, 1) +'."\n".'BN' 1, 'N(0, 0.01)' 2, 'N(0, 0.01)'."\n".'+ BN' 3, 'All Ones' 4, 'All Ones +'."\n".'BN' 5, 'Kaiming'."\n".'normal' 6, 'Kaiming'."\n".'normal +'."\n".'BN' 7, 'PyTorch'."\n".'default' 8, 'PyTorch'."\n".'default +'."\n".'BN' 9)
set bmargin 8
set datafile missing '?'
set key outside below center horizontal height 1
set label 1 'diverged'."\n".'at batch 3'."\n".'(all 5'."\n".'seeds)' at first 0, graph 0 center offset 0,4.2 font ',9'
plot $accuracy using 0:2 with boxes linecolor rgb '#0072B2' title 'validation accuracy', \
     $accuracy using 0:($2 - $3):(0):(2 * $3) with vectors heads size screen 0.008,90 linecolor rgb 'black' linewidth 1.5 notitle, \
     $accuracy using 0:($2 + $3):6 with labels offset 0,0.8 font ',9' notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,1.8 font ',9' notitle, \
     $accuracy using 0:5 with points pointtype 13 pointsize 2 linecolor rgb '#D55E00' title 'test accuracy'
